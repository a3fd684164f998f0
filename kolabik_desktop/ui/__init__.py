"""The Qt layer: windows, table models, dialogs, the projector, workers, translations."""
