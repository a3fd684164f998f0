<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="84"/>
        <source>Print / Export</source>
        <translation>Cetak / Ekspor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="96"/>
        <source>Score sheet (lembar penilaian)</source>
        <translation>Lembar penilaian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="97"/>
        <source>Score recap (rekapitulasi nilai)</source>
        <translation>Rekapitulasi nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="98"/>
        <source>Minutes of the result (berita acara)</source>
        <translation>Berita acara hasil penilaian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="99"/>
        <source>Feedback sheet per participant</source>
        <translation>Lembar umpan balik per peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="100"/>
        <source>Blank score form</source>
        <translation>Formulir penilaian kosong</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="101"/>
        <source>Leaderboard spreadsheet (xlsx/csv)</source>
        <translation>Daftar peringkat (xlsx/csv)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="102"/>
        <source>Full score matrix spreadsheet (xlsx/csv)</source>
        <translation>Matriks nilai lengkap (xlsx/csv)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="111"/>
        <source>whole ranking</source>
        <translation>seluruh peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="112"/>
        <source>Top N of each category</source>
        <translation>N besar setiap kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="120"/>
        <source>As the table needs</source>
        <translation>Menyesuaikan tabel</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="121"/>
        <source>Portrait</source>
        <translation>Tegak</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="122"/>
        <source>Landscape</source>
        <translation>Mendatar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="128"/>
        <source>Report:</source>
        <translation>Laporan:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="129"/>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="130"/>
        <source>Juror:</source>
        <translation>Juri:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="131"/>
        <source>Participant:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="132"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="133"/>
        <source>Shortlist of:</source>
        <translation>Daftar pendek:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="135"/>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="136"/>
        <source>Orientation:</source>
        <translation>Orientasi:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="137"/>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="149"/>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="281"/>
        <source>Reading the event…</source>
        <translation>Membaca data kompetisi…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="166"/>
        <source>&amp;Save…</source>
        <translation>&amp;Simpan…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="170"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="199"/>
        <source>Final result</source>
        <translation>Hasil akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="202"/>
        <source>All jurors</source>
        <translation>Semua juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="205"/>
        <source>All participants</source>
        <translation>Semua peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="208"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="313"/>
        <source>Could not build: %1</source>
        <translation>Gagal membuat: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="342"/>
        <source>Preparing the preview…</source>
        <translation>Menyiapkan pratinjau…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="366"/>
        <source>Preview not available; the report is ready to save.</source>
        <translation>Pratinjau tidak tersedia; laporan siap disimpan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="377"/>
        <source>Leaderboard of %1: %2 rows, one per participant.</source>
        <translation>Daftar peringkat %1: %2 baris, satu per peserta.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="383"/>
        <source>Score matrix: one row per participant and juror, one column per criterion; %1 sheet(s) in xlsx. A csv file holds one stage.</source>
        <translation>Matriks nilai: satu baris per peserta dan juri, satu kolom per aspek; %1 lembar kerja dalam xlsx. Berkas csv memuat satu tahap.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="394"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="397"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="398"/>
        <source>Save as</source>
        <translation>Simpan sebagai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="431"/>
        <source>Building…</source>
        <translation>Membuat…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="435"/>
        <source>Saved %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="441"/>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="442"/>
        <source>Saved %1.
Open it now?</source>
        <translation>%1 tersimpan.
Buka sekarang?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="450"/>
        <source>&amp;Print / Export…</source>
        <translation>&amp;Cetak / Ekspor…</translation>
    </message>
</context>
</TS>
