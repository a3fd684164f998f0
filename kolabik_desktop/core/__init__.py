"""The Qt-free core: storage, scoring, exchange formats and reports."""
