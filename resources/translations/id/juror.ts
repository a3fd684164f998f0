<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Browser</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="58"/>
        <source>Not started</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="59"/>
        <source>Partial</source>
        <translation>Sebagian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="60"/>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="61"/>
        <source>Recused</source>
        <translation>Mengundurkan diri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="62"/>
        <source>Not assigned</source>
        <translation>Tidak ditugaskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="63"/>
        <source>Not admitted</source>
        <translation>Tidak lolos</translation>
    </message>
</context>
<context>
    <name>BrowserModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="173"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="174"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="175"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="176"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="177"/>
        <source>My status</source>
        <translation>Status saya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="178"/>
        <source>My total</source>
        <translation>Nilai saya</translation>
    </message>
</context>
<context>
    <name>BrowserView</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="280"/>
        <source>Search code, title or unit (Ctrl+F)</source>
        <translation>Cari kode, judul, atau unit (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="290"/>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/browser.py" line="344"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="213"/>
        <source>Weight {0}%</source>
        <translation>Bobot {0}%</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="215"/>
        <source>Not weighted</source>
        <translation>Tanpa bobot</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="221"/>
        <source>{0} to {1}, step {2}. Up/Down arrows change it.</source>
        <translation>{0} sampai {1}, kelipatan {2}. Panah atas/bawah mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="237"/>
        <source>Lower by one step</source>
        <translation>Turunkan satu langkah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="238"/>
        <source>Raise by one step</source>
        <translation>Naikkan satu langkah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="243"/>
        <source>Note / advice (catatan/saran)</source>
        <translation>Catatan / saran</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="302"/>
        <source>“{0}” is not a number: not saved, the stored value stays.</source>
        <translation>“{0}” bukan angka: tidak disimpan, nilai yang tersimpan tetap.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="309"/>
        <source>{0}; not saved.</source>
        <translation>{0}; tidak disimpan.</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="382"/>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="399"/>
        <source>The PDF cannot be shown.</source>
        <translation>PDF tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="431"/>
        <source>No entry selected</source>
        <translation>Belum ada proposal yang dipilih</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="440"/>
        <source>(no summary)</source>
        <translation>(tanpa ringkasan)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="447"/>
        <source>Enter: show inside the window</source>
        <translation>Enter: tampilkan di jendela ini</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="449"/>
        <source>Enter: open in the system&apos;s viewer</source>
        <translation>Enter: buka dengan aplikasi bawaan komputer</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="492"/>
        <source>{0} cannot be shown: {1}</source>
        <translation>{0} tidak dapat ditampilkan: {1}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="500"/>
        <source>No program on this computer opens {0}.</source>
        <translation>Tidak ada aplikasi di komputer ini yang dapat membuka {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="121"/>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="311"/>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="482"/>
        <source>Kolabik Desktop</source>
        <translation>Kolabik Desktop</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="155"/>
        <source>&amp;Open…</source>
        <translation>&amp;Buka…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="157"/>
        <source>&amp;Close event</source>
        <translation>&amp;Tutup kompetisi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="158"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="159"/>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="160"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="165"/>
        <source>&amp;Find entry</source>
        <translation>&amp;Cari proposal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="167"/>
        <source>&amp;Next entry</source>
        <translation>Proposal &amp;berikutnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="172"/>
        <source>&amp;Previous entry</source>
        <translation>Proposal se&amp;belumnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="175"/>
        <source>Next &amp;incomplete entry</source>
        <translation>Proposal berikutnya yang &amp;belum lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="178"/>
        <source>Go to the entry &amp;list</source>
        <translation>Ke &amp;daftar proposal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="181"/>
        <source>Go to the scoring &amp;form</source>
        <translation>Ke &amp;lembar penilaian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="184"/>
        <source>PDF zoom &amp;in</source>
        <translation>&amp;Perbesar PDF</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="187"/>
        <source>PDF zoom &amp;out</source>
        <translation>Per&amp;kecil PDF</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="190"/>
        <source>PDF &amp;fit to width</source>
        <translation>PDF &amp;selebar panel</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="193"/>
        <source>&amp;Submit scores for this stage…</source>
        <translation>&amp;Serahkan nilai tahap ini…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="196"/>
        <source>&amp;Reopen scores for this stage…</source>
        <translation>Buka &amp;kembali nilai tahap ini…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="199"/>
        <source>Score &amp;as…</source>
        <translation>&amp;Menilai sebagai…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="201"/>
        <source>&amp;About Kolabik Desktop</source>
        <translation>&amp;Tentang Kolabik Desktop</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="207"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="208"/>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="209"/>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="212"/>
        <source>Open &amp;recent</source>
        <translation>Buka yang &amp;terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="230"/>
        <source>&amp;Stage</source>
        <translation>Ta&amp;hap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="263"/>
        <source>Scoring</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="270"/>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="274"/>
        <source>Score as:</source>
        <translation>Menilai sebagai:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="315"/>
        <source>Open an event file (.kolabik) or a juror kit (.kolabik-kit), or drop one here.</source>
        <translation>Buka berkas kompetisi (.kolabik) atau paket juri (.kolabik-kit), atau seret berkasnya ke sini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="320"/>
        <source>Open an event file…</source>
        <translation>Buka berkas kompetisi…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="322"/>
        <source>Recent files</source>
        <translation>Berkas terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="365"/>
        <source>Every criterion done: add an overall comment, or Ctrl+Enter for the next entry.</source>
        <translation>Semua aspek sudah dinilai: tulis komentar umum, atau Ctrl+Enter ke peserta berikutnya.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="390"/>
        <source>Open an event file</source>
        <translation>Buka berkas kompetisi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="392"/>
        <source>Kolabik files (*.kolabik *.kolabik-kit);;All files (*)</source>
        <translation>Berkas Kolabik (*.kolabik *.kolabik-kit);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="409"/>
        <source>It was made by a newer version of Kolabik Desktop.</source>
        <translation>Berkas ini dibuat oleh Kolabik Desktop versi yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="414"/>
        <source>It is open in another window or on another computer.</source>
        <translation>Berkas ini sedang dibuka di jendela lain atau di komputer lain.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="419"/>
        <source>The file was not found.</source>
        <translation>Berkas tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="421"/>
        <source>The file cannot be opened as a Kolabik event.</source>
        <translation>Berkas ini tidak dapat dibuka sebagai berkas kompetisi Kolabik.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="430"/>
        <source>The file is damaged or not an event file.</source>
        <translation>Berkas rusak atau bukan berkas kompetisi.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="459"/>
        <source>Cannot open {0}</source>
        <translation>Tidak dapat membuka {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="460"/>
        <source>Nothing was changed.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="499"/>
        <source>juror kit</source>
        <translation>paket juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="499"/>
        <source>chair</source>
        <translation>ketua juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="523"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="550"/>
        <source>{0} is not an event file or juror kit.</source>
        <translation>{0} bukan berkas kompetisi atau paket juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="605"/>
        <source>Juror: {0}</source>
        <translation>Juri: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="609"/>
        <source>(choose a juror)</source>
        <translation>(pilih juri)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="697"/>
        <source>This is the last entry.</source>
        <translation>Ini proposal terakhir.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="699"/>
        <source>This is the first entry.</source>
        <translation>Ini proposal pertama.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="705"/>
        <source>Every entry of this stage is complete.</source>
        <translation>Semua proposal pada tahap ini sudah lengkap.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="831"/>
        <source>These scores are already submitted.</source>
        <translation>Nilai ini sudah diserahkan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="848"/>
        <source>Scores for {0} submitted.</source>
        <translation>Nilai tahap {0} sudah diserahkan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="871"/>
        <source>Scores for {0} reopened.</source>
        <translation>Nilai tahap {0} dibuka kembali.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="876"/>
        <source>Saved {0}</source>
        <translation>Tersimpan {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="905"/>
        <source>About Kolabik Desktop</source>
        <translation>Tentang Kolabik Desktop</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="907"/>
        <source>Kolabik Desktop {0}

Offline scoring, merging, live leaderboard and recaps for the jury of a public-service innovation competition.</source>
        <translation>Kolabik Desktop {0}

Penilaian luring, penggabungan nilai, papan peringkat langsung, dan rekapitulasi untuk juri kompetisi inovasi pelayanan publik.</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="209"/>
        <source>Previous page (PgUp)</source>
        <translation>Halaman sebelumnya (PgUp)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="210"/>
        <source>Next page (PgDn)</source>
        <translation>Halaman berikutnya (PgDn)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="215"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Perkecil (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="219"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Perbesar (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="220"/>
        <source>Fit to width</source>
        <translation>Selebar panel</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="289"/>
        <source>the file is not a readable PDF</source>
        <translation>berkas bukan PDF yang dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="194"/>
        <source>the PDF is locked with a password</source>
        <translation>PDF dikunci dengan kata sandi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/entry_view.py" line="344"/>
        <source>of {0}</source>
        <translation>dari {0}</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="172"/>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="192"/>
        <source>{0} of {1} complete</source>
        <translation>{0} dari {1} lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="213"/>
        <source>… and {0} more</source>
        <translation>… dan {0} lainnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="193"/>
        <source>Incomplete ({0})</source>
        <translation>Belum lengkap ({0})</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="197"/>
        <source>Submitted</source>
        <translation>Sudah diserahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="197"/>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="201"/>
        <source>Submit scores…</source>
        <translation>Serahkan nilai…</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="377"/>
        <source>Overall comment</source>
        <translation>Komentar umum</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="381"/>
        <source>Your overall comment on this entry</source>
        <translation>Komentar umum Anda tentang proposal ini</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="401"/>
        <source>Weighted total</source>
        <translation>Nilai akhir (terbobot)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="421"/>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="434"/>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="465"/>
        <source>Choose an entry to score.</source>
        <translation>Pilih proposal yang akan dinilai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="447"/>
        <source>Open an event file to begin.</source>
        <translation>Buka berkas kompetisi untuk memulai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="451"/>
        <source>This event has no stages yet: the chair adds them in Setup.</source>
        <translation>Kompetisi ini belum memiliki tahap: ketua juri menambahkannya di Pengaturan Kompetisi.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="462"/>
        <source>Choose whom you score as (Tools &gt; Score as).</source>
        <translation>Pilih juri yang nilainya Anda isi (Alat &gt; Menilai sebagai).</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="541"/>
        <source>You are recused from this entry (conflict of interest): not scored.</source>
        <translation>Anda mengundurkan diri dari proposal ini (konflik kepentingan): tidak dinilai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="543"/>
        <source>You are not assigned to this entry in this stage.</source>
        <translation>Anda tidak ditugaskan menilai proposal ini pada tahap ini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="545"/>
        <source>This entry is not admitted to this stage.</source>
        <translation>Proposal ini tidak lolos ke tahap ini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="547"/>
        <source>Your scores for this stage are submitted: read-only.</source>
        <translation>Nilai Anda untuk tahap ini sudah diserahkan: hanya dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="559"/>
        <source>Not started</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="560"/>
        <source>Incomplete: every weighted criterion needs a value</source>
        <translation>Belum lengkap: setiap aspek berbobot harus diberi nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="561"/>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
</context>
<context>
    <name>Submission</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="115"/>
        <source>Submit your scores for {0}? They become read-only; the chair can reopen them.</source>
        <translation>Serahkan nilai Anda untuk {0}? Nilai tidak dapat diubah lagi; ketua juri dapat membukanya kembali.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="126"/>
        <source>… and {0} more</source>
        <translation>… dan {0} lainnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="127"/>
        <source>{0} of {1} entries are not complete:</source>
        <translation>{0} dari {1} proposal belum lengkap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="133"/>
        <source>Submit scores</source>
        <translation>Serahkan nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="138"/>
        <source>Submit</source>
        <translation>Serahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="141"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="153"/>
        <source>Reopen scores</source>
        <translation>Buka kembali nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/submission.py" line="154"/>
        <source>Reopen the scores of {0} for {1}, so they can be changed again?</source>
        <translation>Buka kembali nilai {0} untuk {1} agar dapat diubah lagi?</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/undo.py" line="123"/>
        <source>Edit {0}</source>
        <translation>Ubah {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/undo.py" line="148"/>
        <source>Edit comment</source>
        <translation>Ubah komentar</translation>
    </message>
</context>
</TS>
