<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdvanceModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="286"/>
        <source>Admit</source>
        <translation>Loloskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="287"/>
        <source>Place</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="288"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="289"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="290"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="291"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="292"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="303"/>
        <source>Tied at the cut: include or exclude</source>
        <translation>Seri di batas: loloskan atau tidak</translation>
    </message>
</context>
<context>
    <name>AdvanceTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="172"/>
        <source>Top</source>
        <translation>Teratas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="173"/>
        <source>Quotas per category</source>
        <translation>Kuota per kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="179"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="179"/>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="184"/>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="190"/>
        <source>Admit ticked entries</source>
        <translation>Loloskan peserta yang dicentang</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="197"/>
        <source>From the ranking of</source>
        <translation>Dari peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="201"/>
        <source>entries overall</source>
        <translation>peserta secara keseluruhan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="251"/>
        <source>→ admit to %1</source>
        <translation>→ loloskan ke %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="253"/>
        <source>(add a second stage first)</source>
        <translation>(tambahkan tahap kedua lebih dulu)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="287"/>
        <source>%1 entries ticked to admit.</source>
        <translation>%1 peserta dicentang untuk diloloskan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="290"/>
        <source>%1 entries are tied at the cut (highlighted): tick those the jury admits.</source>
        <translation>%1 peserta seri di batas (disorot): centang yang diloloskan juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="300"/>
        <source>Admit %1 entries to %2? The entries admitted there now are replaced.</source>
        <translation>Loloskan %1 peserta ke %2? Daftar peserta yang lolos ke sana saat ini akan diganti.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="302"/>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="310"/>
        <source>Advance to the next stage</source>
        <translation>Lanjut ke tahap berikutnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="308"/>
        <source>Some entries that leave the stage were already scored there. Admit anyway?</source>
        <translation>Beberapa peserta yang keluar dari tahap ini sudah dinilai di sana. Tetap loloskan?</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="54"/>
        <source>Every juror scores every entry</source>
        <translation>Setiap juri menilai semua peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="55"/>
        <source>Per category</source>
        <translation>Per kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="56"/>
        <source>Per entry</source>
        <translation>Per peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="71"/>
        <source>Save assignments</source>
        <translation>Simpan penugasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="73"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="127"/>
        <source>Tick the categories each juror scores (columns: jurors).</source>
        <translation>Centang kategori yang dinilai setiap juri (kolom: juri).</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="133"/>
        <source>Tick the entries each juror scores (columns: jurors).</source>
        <translation>Centang peserta yang dinilai setiap juri (kolom: juri).</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="136"/>
        <source>No assignment list: every juror scores every entry.</source>
        <translation>Tanpa daftar penugasan: setiap juri menilai semua peserta.</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="136"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="136"/>
        <source>Entries</source>
        <translation>Peserta</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="51"/>
        <source>Category name</source>
        <translation>Nama kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="68"/>
        <source>Delete the category %1?</source>
        <translation>Hapus kategori %1?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="70"/>
        <source>Its %1 entries stay, without a category.</source>
        <translation>%1 pesertanya tetap ada, tanpa kategori.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="73"/>
        <source>Delete category</source>
        <translation>Hapus kategori</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="181"/>
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="181"/>
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="181"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="181"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="307"/>
        <source>e.g. own unit, former supervisor</source>
        <translation>mis. unit sendiri, mantan atasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="308"/>
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="309"/>
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="310"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="312"/>
        <source>A recused juror&apos;s scores for the entry count in no stage.</source>
        <translation>Nilai dari juri yang mundur tidak dihitung untuk peserta itu di tahap mana pun.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="314"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="212"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="213"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="214"/>
        <source>Weight %</source>
        <translation>Bobot %</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="215"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="216"/>
        <source>Max</source>
        <translation>Maks</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="217"/>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="192"/>
        <source>Ranking</source>
        <translation>Daftar peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="193"/>
        <source>Place</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="194"/>
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="195"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="196"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="200"/>
        <source>Final</source>
        <translation>Akhir</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="338"/>
        <source>e.g. ex aequo per the jury&apos;s minutes</source>
        <translation>mis. ex aequo sesuai berita acara juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="340"/>
        <source>Record decision</source>
        <translation>Catat keputusan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="341"/>
        <source>Remove decision</source>
        <translation>Hapus keputusan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="344"/>
        <source>Record a place that no rule produces: an ex-aequo place for different scores, or an order for tied entries. It shows as &apos;by decision of the jury&apos;.</source>
        <translation>Catat peringkat yang tidak dihasilkan aturan mana pun: peringkat ex aequo untuk nilai yang berbeda, atau urutan bagi peserta yang seri. Ditampilkan sebagai &apos;berdasarkan keputusan juri&apos;.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="350"/>
        <source>Ranking</source>
        <translation>Daftar peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="351"/>
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="353"/>
        <source>Place</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="354"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="382"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="384"/>
        <source>Stage %1</source>
        <translation>Tahap %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="412"/>
        <source>Not ranked on this ranking now.</source>
        <translation>Saat ini tidak berperingkat pada peringkat ini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stage_tabs.py" line="414"/>
        <source>Place on this ranking now: %1 (score %2)</source>
        <translation>Peringkat saat ini: %1 (nilai %2)</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="147"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="148"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="149"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="150"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="151"/>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="152"/>
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="84"/>
        <source>Filter entries…</source>
        <translation>Saring peserta…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="86"/>
        <source>Import list…</source>
        <translation>Impor daftar…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="89"/>
        <source>Entries from an xlsx or csv list (kode, judul, unit, kelompok) or the event workbook</source>
        <translation>Peserta dari daftar xlsx atau csv (kode, judul, unit, kelompok) atau buku kerja acara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="103"/>
        <source>Attach file…</source>
        <translation>Lampirkan berkas…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="104"/>
        <source>Save copy as…</source>
        <translation>Simpan salinan sebagai…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="105"/>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="209"/>
        <source>Remove file</source>
        <translation>Hapus berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="115"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="116"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="117"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="118"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="119"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="120"/>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="126"/>
        <source>(no category)</source>
        <translation>(tanpa kategori)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="166"/>
        <source>Delete entry %1 with its files?</source>
        <translation>Hapus peserta %1 beserta berkasnya?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="168"/>
        <source>Its %1 scores will be deleted too.</source>
        <translation>%1 nilainya juga akan dihapus.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="171"/>
        <source>Delete entry</source>
        <translation>Hapus peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="182"/>
        <source>Attach files to the entry</source>
        <translation>Lampirkan berkas ke peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="201"/>
        <source>Save a copy of the file</source>
        <translation>Simpan salinan berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="209"/>
        <source>Remove this file from the entry?</source>
        <translation>Hapus berkas ini dari peserta?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="218"/>
        <source>Import entries</source>
        <translation>Impor peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="220"/>
        <source>Entry lists (*.xlsx *.csv)</source>
        <translation>Daftar peserta (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="236"/>
        <source>Import refused</source>
        <translation>Impor ditolak</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="245"/>
        <source>Entries imported</source>
        <translation>Peserta diimpor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="246"/>
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 new categories.</source>
        <translation>%1: %2 ditambahkan, %3 diperbarui, %4 tidak berubah, %5 kategori baru.</translation>
    </message>
</context>
<context>
    <name>EventTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="41"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="45"/>
        <source> decimals</source>
        <translation> desimal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="48"/>
        <source>Standard: latest stage, then criteria by weight</source>
        <translation>Standar: tahap terakhir, lalu kriteria menurut bobot</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="50"/>
        <source>None: tied entries share a place</source>
        <translation>Tidak ada: peserta yang seri berbagi peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="51"/>
        <source>Round each stage score to the display precision</source>
        <translation>Bulatkan nilai setiap tahap ke presisi tampilan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="53"/>
        <source>e.g. Surabaya</source>
        <translation>mis. Surabaya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="58"/>
        <source>printed under the chair&apos;s signature line</source>
        <translation>dicetak di bawah garis tanda tangan ketua</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="64"/>
        <source>Choose image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="65"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="75"/>
        <source>Event name</source>
        <translation>Nama acara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="76"/>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="77"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="78"/>
        <source>Display precision</source>
        <translation>Presisi tampilan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="79"/>
        <source>Tie-break chain</source>
        <translation>Urutan pemecah seri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="81"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="82"/>
        <source>Place of signing</source>
        <translation>Tempat penandatanganan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="83"/>
        <source>Chair of the jury</source>
        <translation>Ketua dewan juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="84"/>
        <source>Save event details</source>
        <translation>Simpan data acara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="139"/>
        <source>Choose the event logo</source>
        <translation>Pilih logo acara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="139"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="148"/>
        <source>Not an image</source>
        <translation>Bukan gambar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="148"/>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation>Logo harus berupa gambar PNG atau JPEG.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/event_tab.py" line="166"/>
        <source>No logo</source>
        <translation>Tanpa logo</translation>
    </message>
</context>
<context>
    <name>JurorsModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="165"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="166"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="167"/>
        <source>Affiliation</source>
        <translation>Afiliasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="168"/>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="169"/>
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
</context>
<context>
    <name>JurorsTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="263"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="264"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="265"/>
        <source>Affiliation</source>
        <translation>Afiliasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="285"/>
        <source>Delete juror %1?</source>
        <translation>Hapus juri %1?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="287"/>
        <source>The %1 scores they gave will be deleted too.</source>
        <translation>%1 nilai yang telah diberikannya juga akan dihapus.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/people_tabs.py" line="290"/>
        <source>Delete juror</source>
        <translation>Hapus juri</translation>
    </message>
</context>
<context>
    <name>RubricTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="50"/>
        <source>What the jurors look at for this criterion</source>
        <translation>Apa yang dinilai juri pada kriteria ini</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="53"/>
        <source>One level per line, e.g.
60: Cukup
80: Baik</source>
        <translation>Satu tingkat per baris, mis.
60: Cukup
80: Baik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="61"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="66"/>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="67"/>
        <source>Level descriptors</source>
        <translation>Deskriptor tingkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="69"/>
        <source>Add criterion</source>
        <translation>Tambah kriteria</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="70"/>
        <source>Remove criterion</source>
        <translation>Hapus kriteria</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="71"/>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="72"/>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="73"/>
        <source>Revert</source>
        <translation>Batalkan perubahan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="74"/>
        <source>Save rubric</source>
        <translation>Simpan rubrik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="132"/>
        <source>Unsaved rubric</source>
        <translation>Rubrik belum disimpan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="133"/>
        <source>The rubric of the previous stage has unsaved changes. Discard them?</source>
        <translation>Rubrik tahap sebelumnya memiliki perubahan yang belum disimpan. Buang perubahan itu?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="160"/>
        <source>Total weight: %1 %</source>
        <translation>Total bobot: %1 %</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="164"/>
        <source>Total weight: %1 % (must be 100)</source>
        <translation>Total bobot: %1 % (harus 100)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="208"/>
        <source>New criterion</source>
        <translation>Kriteria baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="237"/>
        <source>The rubric cannot be saved:</source>
        <translation>Rubrik tidak dapat disimpan:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="245"/>
        <source>This change touches %1 scores already given in this stage: every juror&apos;s total in the stage is computed again.</source>
        <translation>Perubahan ini mengenai %1 nilai yang sudah diberikan pada tahap ini: total setiap juri pada tahap ini dihitung ulang.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="249"/>
        <source>%1 of them, on removed criteria, will be deleted.</source>
        <translation>%1 di antaranya, pada kriteria yang dihapus, akan ikut dihapus.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="252"/>
        <source>The change is recorded in the audit log. Save it?</source>
        <translation>Perubahan ini dicatat dalam log audit. Simpan?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/rubric_tab.py" line="253"/>
        <source>Change a rubric that has scores</source>
        <translation>Ubah rubrik yang sudah memiliki nilai</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/__init__.py" line="17"/>
        <source>&amp;Setup…</source>
        <translation>&amp;Pengaturan Kompetisi…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="123"/>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="124"/>
        <source>Trimmed mean</source>
        <translation>Rata-rata terpangkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="125"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="126"/>
        <source>Banded mean</source>
        <translation>Rata-rata berpita</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="127"/>
        <source>Z-score</source>
        <translation>Skor-z</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/common.py" line="38"/>
        <location filename="../../../kolabik_desktop/ui/setup/common.py" line="43"/>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/common.py" line="105"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/common.py" line="106"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/common.py" line="107"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="22"/>
        <source>Competition setup</source>
        <translation>Pengaturan kompetisi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="36"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="37"/>
        <source>Stages</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="38"/>
        <source>Rubric</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="39"/>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="40"/>
        <source>Entries</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="41"/>
        <source>Jurors</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="42"/>
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="43"/>
        <source>Assignments</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="44"/>
        <source>Advance to next stage</source>
        <translation>Lanjut ke tahap berikutnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="45"/>
        <source>Jury decisions</source>
        <translation>Keputusan juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/dialog.py" line="49"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>StagesModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="93"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="94"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="95"/>
        <source>Weight %</source>
        <translation>Bobot %</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="96"/>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="97"/>
        <source>Band L</source>
        <translation>Batas L</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="98"/>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="99"/>
        <source>Cumulative</source>
        <translation>Kumulatif</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="100"/>
        <source>Criteria</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/models.py" line="101"/>
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
</context>
<context>
    <name>StagesTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="33"/>
        <source>L, e.g. 3 (banded mean only)</source>
        <translation>L, mis. 3 (hanya rata-rata berpita)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="37"/>
        <source>e.g. S1:30 S2:70 (empty = this stage alone)</source>
        <translation>mis. S1:30 S2:70 (kosong = tahap ini saja)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="39"/>
        <source>minutes per part, e.g. Video 3; Paparan 7</source>
        <translation>menit per bagian, mis. Video 3; Paparan 7</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="40"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="41"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="42"/>
        <source>Weight in the final score (%)</source>
        <translation>Bobot dalam nilai akhir (%)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="43"/>
        <source>Panel score method</source>
        <translation>Metode nilai panel</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="44"/>
        <source>Band L</source>
        <translation>Batas L</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="45"/>
        <source>Scale minimum</source>
        <translation>Skala minimum</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="46"/>
        <source>Scale maximum</source>
        <translation>Skala maksimum</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="47"/>
        <source>Cumulative ranking weights</source>
        <translation>Bobot peringkat kumulatif</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="48"/>
        <source>Presentation slot parts</source>
        <translation>Bagian sesi presentasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="50"/>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="51"/>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="80"/>
        <source>%1 is not a number</source>
        <translation>%1 bukan angka</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="86"/>
        <source>The weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="87"/>
        <source>The scale minimum</source>
        <translation>Skala minimum</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="88"/>
        <source>The scale maximum</source>
        <translation>Skala maksimum</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="116"/>
        <source>Delete stage %1 with its rubric?</source>
        <translation>Hapus tahap %1 beserta rubriknya?</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="118"/>
        <source>Its %1 scores will be deleted too.</source>
        <translation>%1 nilainya juga akan dihapus.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="121"/>
        <source>Delete stage</source>
        <translation>Hapus tahap</translation>
    </message>
</context>
</TS>
