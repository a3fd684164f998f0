<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>WorkbookImport</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>New event from a &amp;workbook…</source>
        <translation>Acara baru dari &amp;buku kerja…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>New event from a workbook</source>
        <translation>Acara baru dari buku kerja</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Buku kerja Excel (*.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>Save the new event as</source>
        <translation>Simpan acara baru sebagai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>Kolabik events (*.kolabik)</source>
        <translation>Acara Kolabik (*.kolabik)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>Reading the workbook…</source>
        <translation>Membaca buku kerja…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>Reading the workbook: sheet {0}</source>
        <translation>Membaca buku kerja: lembar {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/workbook_import.py" />
        <source>No event was made: {0}</source>
        <translation>Tidak ada acara yang dibuat: {0}</translation>
    </message>
</context>
</TS>
