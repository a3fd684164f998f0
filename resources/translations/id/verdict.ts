<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>EntryView</name>
    <message>
        <source> (provisional)</source>
        <translation> (sementara)</translation>
    </message>
    <message>
        <source>From %1 (%2): %3, place %4, score %5</source>
        <translation>Dari %1 (%2): %3, peringkat %4, nilai %5</translation>
    </message>
    <message>
        <source>final ranking</source>
        <translation>peringkat akhir</translation>
    </message>
    <message>
        <source>stage %1</source>
        <translation>tahap %1</translation>
    </message>
</context>
<context>
    <name>EventTab</name>
    <message>
        <source>&lt;b&gt;Certificates and decision letter&lt;/b&gt;</source>
        <translation>&lt;b&gt;Piagam dan surat keputusan&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose scan…</source>
        <translation>Pilih pindaian…</translation>
    </message>
    <message>
        <source>Choose the scanned signature</source>
        <translation>Pilih pindaian tanda tangan</translation>
    </message>
    <message>
        <source>Juara Harapan places</source>
        <translation>Juara Harapan</translation>
    </message>
    <message>
        <source>Legal bases (Mengingat)</source>
        <translation>Dasar hukum (Mengingat)</translation>
    </message>
    <message>
        <source>Names of the places</source>
        <translation>Nama peringkat</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Tanpa tanda tangan</translation>
    </message>
    <message>
        <source>Other awarded places</source>
        <translation>Peringkat lain yang diberi penghargaan</translation>
    </message>
    <message>
        <source>Places awarded</source>
        <translation>Jumlah penerima penghargaan</translation>
    </message>
    <message>
        <source>Scanned signature</source>
        <translation>Pindaian tanda tangan</translation>
    </message>
    <message>
        <source>Signer's name</source>
        <translation>Nama penanda tangan</translation>
    </message>
    <message>
        <source>Signer's title</source>
        <translation>Jabatan penanda tangan</translation>
    </message>
    <message>
        <source>Terbaik I; Terbaik II; Terbaik III</source>
        <translation>Terbaik I; Terbaik II; Terbaik III</translation>
    </message>
    <message>
        <source>The signature must be a PNG or JPEG image.</source>
        <translation>Tanda tangan harus berupa gambar PNG atau JPEG.</translation>
    </message>
    <message>
        <source>e.g. Juara Harapan I; Juara Harapan II</source>
        <translation>mis. Juara Harapan I; Juara Harapan II</translation>
    </message>
    <message>
        <source>e.g. Wali Kota Pasuruan</source>
        <translation>mis. Wali Kota Pasuruan</translation>
    </message>
    <message>
        <source>one regulation per line</source>
        <translation>satu peraturan per baris</translation>
    </message>
    <message>
        <source>who signs the certificates and the letter</source>
        <translation>yang menandatangani piagam dan surat keputusan</translation>
    </message>
    <message>
        <source>{n} Inovasi Terbaik</source>
        <translation>{n} Inovasi Terbaik</translation>
    </message>
</context>
<context>
    <name>PromoteDialog</name>
    <message>
        <source>%1: %2 entries added, %3 already there.</source>
        <translation>%1: %2 inovasi ditambahkan, %3 sudah ada.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Kirim</translation>
    </message>
    <message>
        <source>Choose the next level's event file first.</source>
        <translation>Pilih dulu berkas kompetisi tingkat berikutnya.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>Tidak dapat mengirim: %1</translation>
    </message>
    <message>
        <source>Final result</source>
        <translation>Hasil akhir</translation>
    </message>
    <message>
        <source>Going on (no juror's score goes with them):</source>
        <translation>Yang dikirim (tanpa nilai juri):</translation>
    </message>
    <message>
        <source>Kolabik event (*.kolabik)</source>
        <translation>Kompetisi Kolabik (*.kolabik)</translation>
    </message>
    <message>
        <source>Next event:</source>
        <translation>Kompetisi berikutnya:</translation>
    </message>
    <message>
        <source>Next level's event</source>
        <translation>Kompetisi tingkat berikutnya</translation>
    </message>
    <message>
        <source>No rubric</source>
        <translation>Tanpa rubrik</translation>
    </message>
    <message>
        <source>Only %1 entries are ranked: all of them go on.</source>
        <translation>Hanya %1 inovasi yang berperingkat: semuanya dikirim.</translation>
    </message>
    <message>
        <source>Places going on:</source>
        <translation>Jumlah peringkat dikirim:</translation>
    </message>
    <message>
        <source>Provisional ranking</source>
        <translation>Peringkat sementara</translation>
    </message>
    <message>
        <source>Ranking:</source>
        <translation>Peringkat:</translation>
    </message>
    <message>
        <source>Rubric of a new event:</source>
        <translation>Rubrik kompetisi baru:</translation>
    </message>
    <message>
        <source>Send to the &amp;next level…</source>
        <translation>Kirim ke tingkat &amp;berikutnya…</translation>
    </message>
    <message>
        <source>Send to the next level</source>
        <translation>Kirim ke tingkat berikutnya</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>The ranking is still provisional.</source>
        <translation>Peringkat masih sementara.</translation>
    </message>
    <message>
        <source>The ranking is still provisional: %1 entries are not scored by every juror yet. Send the winners on anyway?</source>
        <translation>Peringkat masih sementara: %1 inovasi belum dinilai oleh semua juri. Tetap kirim pemenang ke tingkat berikutnya?</translation>
    </message>
    <message>
        <source>the next level's event file (.kolabik)</source>
        <translation>berkas kompetisi tingkat berikutnya (.kolabik)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Certificates (piagam penghargaan)</source>
        <translation>Piagam penghargaan</translation>
    </message>
    <message>
        <source>Decision letter draft (surat keputusan, PDF or Word)</source>
        <translation>Draf surat keputusan (PDF atau Word)</translation>
    </message>
    <message>
        <source>Only %1 entries are ranked: all of them are awarded.</source>
        <translation>Hanya %1 inovasi yang berperingkat: semuanya diberi penghargaan.</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>Provisional ranking</source>
        <translation>Peringkat sementara</translation>
    </message>
    <message>
        <source>The ranking is still provisional: %1 entries are not scored by every juror yet (%2). Make the certificates or the letter anyway?</source>
        <translation>Peringkat masih sementara: %1 inovasi belum dinilai oleh semua juri (%2). Tetap buat piagam atau surat keputusan?</translation>
    </message>
    <message>
        <source>the event's award count</source>
        <translation>jumlah penerima penghargaan kompetisi</translation>
    </message>
</context>
</TS>
