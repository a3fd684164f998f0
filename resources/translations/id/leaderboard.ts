<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Leaderboard</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="55"/>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="56"/>
        <source>provisional</source>
        <translation>sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="57"/>
        <source>unscored</source>
        <translation>belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="67"/>
        <source>Tie broken by the latest stage&apos;s score</source>
        <translation>Seri dipecah dengan nilai tahap terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="69"/>
        <source>Still tied: the chair decides</source>
        <translation>Masih seri: ketua juri memutuskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="71"/>
        <source>Tied: shared place</source>
        <translation>Seri: peringkat bersama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="75"/>
        <source>Place decided by the jury: %1</source>
        <translation>Peringkat diputuskan dewan juri: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="76"/>
        <source>Place decided by the jury</source>
        <translation>Peringkat diputuskan dewan juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="79"/>
        <source>Tie broken by criterion %1</source>
        <translation>Seri dipecah dengan kriteria %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="96"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="101"/>
        <source>Stage %1: %2</source>
        <translation>Tahap %1: %2</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="128"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="470"/>
        <source>not started</source>
        <translation>belum mulai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="471"/>
        <source>incomplete</source>
        <translation>belum lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="472"/>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="473"/>
        <source>recused (conflict of interest)</source>
        <translation>mundur (konflik kepentingan)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="474"/>
        <source>not assigned</source>
        <translation>tidak ditugaskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="475"/>
        <source>not admitted</source>
        <translation>tidak lolos ke tahap ini</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="520"/>
        <source>&amp;Leaderboard</source>
        <translation>&amp;Papan peringkat</translation>
    </message>
</context>
<context>
    <name>LeaderboardDock</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="505"/>
        <source>Leaderboard</source>
        <translation>Papan peringkat</translation>
    </message>
</context>
<context>
    <name>LeaderboardModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="178"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="179"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="180"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="181"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="182"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="183"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="184"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="185"/>
        <source>Tie note</source>
        <translation>Catatan seri</translation>
    </message>
</context>
<context>
    <name>LeaderboardPanel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="245"/>
        <source>Which ranking to show</source>
        <translation>Daftar peringkat yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="247"/>
        <source>All entries, or one category ranked on its own</source>
        <translation>Semua peserta, atau satu kategori yang diperingkat tersendiri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="251"/>
        <source>Ranking:</source>
        <translation>Daftar peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="252"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="286"/>
        <source>Stage / juror</source>
        <translation>Tahap / juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="286"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="286"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="391"/>
        <source>%1 entries: %2 final, %3 provisional, %4 unscored</source>
        <translation>%1 peserta: %2 final, %3 sementara, %4 belum dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="416"/>
        <source>Select an entry to see each juror&apos;s total.</source>
        <translation>Pilih peserta untuk melihat total nilai setiap juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/leaderboard.py" line="432"/>
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
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="631"/>
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
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="635"/>
        <source>Start / pause the clock</source>
        <translation>Mulai / jeda waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="636"/>
        <source>Next finalist</source>
        <translation>Finalis berikutnya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="637"/>
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
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="607"/>
        <source>Slot not saved</source>
        <translation>Alokasi waktu tidak disimpan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/presentation.py" line="554"/>
        <source>Order not saved</source>
        <translation>Urutan tidak disimpan</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="429"/>
        <source>NEW</source>
        <translation>BARU</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="514"/>
        <source>jurors have submitted their scores</source>
        <translation>juri telah mengirim nilainya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="546"/>
        <source>submitted</source>
        <translation>sudah dikirim</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="548"/>
        <source>still scoring</source>
        <translation>masih menilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="585"/>
        <source>No finalists scheduled</source>
        <translation>Belum ada finalis terjadwal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="625"/>
        <source>Over time</source>
        <translation>Waktu habis</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="627"/>
        <source>Ready: %1</source>
        <translation>Siap: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="631"/>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="687"/>
        <source>Next: %1</source>
        <translation>Berikutnya: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="311"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="368"/>
        <source>Kolabik</source>
        <translation>Kolabik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="385"/>
        <source>Scoring progress: %1</source>
        <translation>Kemajuan penilaian: %1</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="396"/>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="405"/>
        <source>amber score = provisional</source>
        <translation>nilai jingga = sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controller.py" line="406"/>
        <source>provisional standings</source>
        <translation>peringkat sementara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="429"/>
        <location filename="../../../kolabik_desktop/ui/projector/canvas.py" line="429"/>
        <source>Projector</source>
        <translation>Proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="246"/>
        <source>&amp;Projector</source>
        <translation>&amp;Proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="273"/>
        <source>Projector &amp;controls</source>
        <translation>&amp;Kendali proyektor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="83"/>
        <source>Full board</source>
        <translation>Papan lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="84"/>
        <source>Ranks without scores</source>
        <translation>Peringkat tanpa nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="85"/>
        <source>Progress only</source>
        <translation>Kemajuan saja</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="292"/>
        <source>Reveal place by place</source>
        <translation>Umumkan satu per satu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="87"/>
        <source>Now presenting</source>
        <translation>Sedang tampil</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="301"/>
        <source>Freeze / unfreeze the board</source>
        <translation>Bekukan / cairkan papan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="302"/>
        <source>Reveal the next place</source>
        <translation>Umumkan peringkat berikutnya</translation>
    </message>
</context>
<context>
    <name>ProjectorControls</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="83"/>
        <source>Full board (Ctrl+Shift+1)</source>
        <translation>Papan lengkap (Ctrl+Shift+1)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="84"/>
        <source>Ranks without scores (Ctrl+Shift+2)</source>
        <translation>Peringkat tanpa nilai (Ctrl+Shift+2)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="85"/>
        <source>Progress only (Ctrl+Shift+3)</source>
        <translation>Kemajuan saja (Ctrl+Shift+3)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="86"/>
        <source>Reveal, place by place (Ctrl+Shift+4)</source>
        <translation>Umumkan satu per satu (Ctrl+Shift+4)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="87"/>
        <source>Now presenting (Ctrl+Shift+5)</source>
        <translation>Sedang tampil (Ctrl+Shift+5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="97"/>
        <source>Freeze the board (F6)</source>
        <translation>Bekukan papan (F6)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="98"/>
        <source>Reveal next place (F7)</source>
        <translation>Umumkan peringkat berikutnya (F7)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="101"/>
        <source>On the projector itself: 1–5 switch modes, F freezes, Space or a click reveals the next place (or starts and pauses the clock), Backspace hides it again, ← → change the finalist, Esc closes.</source>
        <translation>Di layar proyektor: 1–5 mengganti tampilan, F membekukan, Spasi atau klik mengumumkan peringkat berikutnya (atau memulai dan menjeda waktu), Backspace menyembunyikannya lagi, ← → mengganti finalis, Esc menutup.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="108"/>
        <source>Export board as PNG…</source>
        <translation>Ekspor papan sebagai PNG…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="111"/>
        <source>Screen:</source>
        <translation>Layar:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="113"/>
        <source>Ranking:</source>
        <translation>Daftar peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="115"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="117"/>
        <source>Places shown:</source>
        <translation>Jumlah peringkat:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="186"/>
        <source>Close the projector (F5)</source>
        <translation>Tutup proyektor (F5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="188"/>
        <source>Open the projector (F5)</source>
        <translation>Buka proyektor (F5)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="201"/>
        <source>%1 places still hidden</source>
        <translation>%1 peringkat belum diumumkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="212"/>
        <source>Export the board</source>
        <translation>Ekspor papan peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="212"/>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/controls.py" line="219"/>
        <source>Board not exported</source>
        <translation>Papan tidak diekspor</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/projector/window.py" line="44"/>
        <source>Kolabik — projector</source>
        <translation>Kolabik — proyektor</translation>
    </message>
</context>
</TS>
