<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Leaderboard</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="54"/>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="55"/>
        <source>provisional</source>
        <translation>sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="56"/>
        <source>unscored</source>
        <translation>belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="66"/>
        <source>Tie broken by the latest stage&apos;s score</source>
        <translation>Seri dipecah dengan nilai tahap terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="68"/>
        <source>Still tied: the chair decides</source>
        <translation>Masih seri: ketua juri memutuskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="72"/>
        <source>Place decided by the jury: %1</source>
        <translation>Peringkat diputuskan dewan juri: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="73"/>
        <source>Place decided by the jury</source>
        <translation>Peringkat diputuskan dewan juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="76"/>
        <source>Tie broken by criterion %1</source>
        <translation>Seri dipecah dengan kriteria %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="93"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="98"/>
        <source>Stage %1: %2</source>
        <translation>Tahap %1: %2</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="434"/>
        <source>not started</source>
        <translation>belum mulai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="435"/>
        <source>incomplete</source>
        <translation>belum lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="436"/>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="437"/>
        <source>recused (conflict of interest)</source>
        <translation>mundur (konflik kepentingan)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="438"/>
        <source>not assigned</source>
        <translation>tidak ditugaskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="439"/>
        <source>not admitted</source>
        <translation>tidak lolos ke tahap ini</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="457"/>
        <source>&amp;Leaderboard</source>
        <translation>&amp;Papan peringkat</translation>
    </message>
</context>
<context>
    <name>LeaderboardDock</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="447"/>
        <source>Leaderboard</source>
        <translation>Papan peringkat</translation>
    </message>
</context>
<context>
    <name>LeaderboardModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="151"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="152"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="153"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="154"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="155"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="156"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="157"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="158"/>
        <source>Tie note</source>
        <translation>Catatan seri</translation>
    </message>
</context>
<context>
    <name>LeaderboardPanel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="216"/>
        <source>Which ranking to show</source>
        <translation>Daftar peringkat yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="218"/>
        <source>All entries, or one category ranked on its own</source>
        <translation>Semua peserta, atau satu kategori yang diperingkat tersendiri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="221"/>
        <source>Ranking:</source>
        <translation>Daftar peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="223"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="256"/>
        <source>Stage / juror</source>
        <translation>Tahap / juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="256"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="256"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="317"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="358"/>
        <source>%1 entries: %2 final, %3 provisional, %4 unscored</source>
        <translation>%1 peserta: %2 final, %3 sementara, %4 belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="383"/>
        <source>Select an entry to see each juror&apos;s total.</source>
        <translation>Pilih peserta untuk melihat total nilai setiap juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="398"/>
        <source>Stage %1</source>
        <translation>Tahap %1</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="63"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="64"/>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="627"/>
        <source>Presentation</source>
        <translation>Presentasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="65"/>
        <source>Questions</source>
        <translation>Tanya jawab</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="621"/>
        <source>Presentation session</source>
        <translation>Sesi presentasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="626"/>
        <source>&amp;Presentation session</source>
        <translation>Sesi &amp;presentasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="631"/>
        <source>Start / pause the clock</source>
        <translation>Mulai / jeda waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="632"/>
        <source>Next finalist</source>
        <translation>Finalis berikutnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="633"/>
        <source>Previous finalist</source>
        <translation>Finalis sebelumnya</translation>
    </message>
</context>
<context>
    <name>PresentationPanel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="418"/>
        <source>Drag to change the order; double-click to present now</source>
        <translation>Seret untuk mengubah urutan; klik ganda untuk tampil sekarang</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="421"/>
        <source>Part</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="421"/>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="424"/>
        <source>Add part</source>
        <translation>Tambah bagian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="425"/>
        <source>Remove part</source>
        <translation>Hapus bagian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="426"/>
        <source>Save slot</source>
        <translation>Simpan sesi waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="439"/>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="441"/>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="442"/>
        <source>Restart clock</source>
        <translation>Ulangi waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="443"/>
        <source>Show on projector</source>
        <translation>Tampilkan di proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="453"/>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="456"/>
        <source>Schedule of finalists</source>
        <translation>Jadwal finalis</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="458"/>
        <source>Slot</source>
        <translation>Alokasi waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="509"/>
        <source>No finalists in this stage.</source>
        <translation>Tidak ada finalis di tahap ini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="512"/>
        <source>Now presenting (%1 of %2): %3</source>
        <translation>Sedang tampil (%1 dari %2): %3</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="521"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="521"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="576"/>
        <source>New part</source>
        <translation>Bagian baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="595"/>
        <source>Part %1 needs a name.</source>
        <translation>Bagian %1 perlu diberi nama.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="599"/>
        <source>A slot needs at least one part.</source>
        <translation>Alokasi waktu perlu sedikitnya satu bagian.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="607"/>
        <source>Slot not saved</source>
        <translation>Alokasi waktu tidak disimpan</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="542"/>
        <source>NEW</source>
        <translation>BARU</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="627"/>
        <source>jurors have submitted their scores</source>
        <translation>juri telah mengirim nilainya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="659"/>
        <source>submitted</source>
        <translation>sudah dikirim</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="661"/>
        <source>still scoring</source>
        <translation>masih menilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="698"/>
        <source>No finalists scheduled</source>
        <translation>Belum ada finalis terjadwal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="738"/>
        <source>Over time</source>
        <translation>Waktu habis</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="740"/>
        <source>Ready: %1</source>
        <translation>Siap: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="744"/>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="800"/>
        <source>Next: %1</source>
        <translation>Berikutnya: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1101"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1127"/>
        <source>Kolabik</source>
        <translation>Kolabik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1143"/>
        <source>Scoring progress: %1</source>
        <translation>Kemajuan penilaian: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1154"/>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1163"/>
        <source>amber score = provisional</source>
        <translation>nilai jingga = sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1164"/>
        <source>provisional standings</source>
        <translation>peringkat sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1412"/>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1417"/>
        <source>Projector</source>
        <translation>Proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1418"/>
        <source>&amp;Projector</source>
        <translation>&amp;Proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1438"/>
        <source>Projector &amp;controls</source>
        <translation>&amp;Kendali proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1443"/>
        <source>Full board</source>
        <translation>Papan lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1445"/>
        <source>Ranks without scores</source>
        <translation>Peringkat tanpa nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1450"/>
        <source>Progress only</source>
        <translation>Kemajuan saja</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1455"/>
        <source>Reveal place by place</source>
        <translation>Umumkan satu per satu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1460"/>
        <source>Now presenting</source>
        <translation>Sedang tampil</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1464"/>
        <source>Freeze / unfreeze the board</source>
        <translation>Bekukan / cairkan papan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1465"/>
        <source>Reveal the next place</source>
        <translation>Umumkan peringkat berikutnya</translation>
    </message>
</context>
<context>
    <name>ProjectorControls</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1255"/>
        <source>Full board (1)</source>
        <translation>Papan lengkap (1)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1256"/>
        <source>Ranks without scores (2)</source>
        <translation>Peringkat tanpa nilai (2)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1257"/>
        <source>Progress only (3)</source>
        <translation>Kemajuan saja (3)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1258"/>
        <source>Reveal, place by place (4)</source>
        <translation>Umumkan satu per satu (4)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1259"/>
        <source>Now presenting (5)</source>
        <translation>Sedang tampil (5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1269"/>
        <source>Freeze the board (F)</source>
        <translation>Bekukan papan (F)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1270"/>
        <source>Reveal next place (Space)</source>
        <translation>Umumkan peringkat berikutnya (Spasi)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1272"/>
        <source>Export board as PNG…</source>
        <translation>Ekspor papan sebagai PNG…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1275"/>
        <source>Screen:</source>
        <translation>Layar:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1277"/>
        <source>Ranking:</source>
        <translation>Daftar peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1279"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1281"/>
        <source>Places shown:</source>
        <translation>Jumlah peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1349"/>
        <source>Close the projector (F5)</source>
        <translation>Tutup proyektor (F5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1351"/>
        <source>Open the projector (F5)</source>
        <translation>Buka proyektor (F5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1360"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1376"/>
        <source>%1 places still hidden</source>
        <translation>%1 peringkat belum diumumkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1389"/>
        <source>Export the board</source>
        <translation>Ekspor papan peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1389"/>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="1396"/>
        <source>Board not exported</source>
        <translation>Papan tidak diekspor</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector.py" line="847"/>
        <source>Kolabik — projector</source>
        <translation>Kolabik — proyektor</translation>
    </message>
</context>
</TS>
