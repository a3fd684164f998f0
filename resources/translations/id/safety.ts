<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>Backups</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="147" />
        <source>Restore failed</source>
        <translation>Pemulihan gagal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="159" />
        <source>Restore from &amp;backup…</source>
        <translation>Pulihkan dari &amp;cadangan…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="184" />
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="185" />
        <source>Replace the event with the backup taken at {time}? The current state is backed up first.</source>
        <translation>Ganti isi kompetisi dengan cadangan yang dibuat pada {time}? Keadaan sekarang dicadangkan lebih dulu.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/crash.py" line="60" />
        <source>Kolabik Desktop</source>
        <translation>Kolabik Desktop</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/crash.py" line="67" />
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/crash.py" line="69" />
        <source>An unexpected error occurred. Every score you saw marked as saved is safe: each score is written to the event file the moment it is entered.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Setiap nilai yang sudah bertanda tersimpan tetap aman: setiap nilai ditulis ke berkas kompetisi saat itu juga.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/crash.py" line="76" />
        <source>Details were written to the log:
{path}</source>
        <translation>Rinciannya dicatat di log:
{path}</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="48" />
        <source>(not used)</source>
        <translation>(tidak dipakai)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="49" />
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="51" />
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="60" />
        <source>Choose a folder</source>
        <translation>Pilih folder</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="86" />
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="89" />
        <source>Taken at</source>
        <translation>Dibuat pada</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="89" />
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="89" />
        <source>Entries</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="89" />
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="115" />
        <source>Choose a backup. The current state is backed up first, so this can be undone.</source>
        <translation>Pilih cadangan. Keadaan sekarang dicadangkan lebih dulu, sehingga langkah ini dapat dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="117" />
        <source>There are no backups of this event yet.</source>
        <translation>Belum ada cadangan untuk kompetisi ini.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/backup_ui.py" line="124" />
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="72" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="86" />
        <source>Second screen when there is one</source>
        <translation>Layar kedua bila ada</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="101" />
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="106" />
        <source>Clear the list of recent files</source>
        <translation>Kosongkan daftar berkas terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="111" />
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="112" />
        <source>Paper for reports:</source>
        <translation>Kertas laporan:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="113" />
        <source>Projector screen:</source>
        <translation>Layar proyektor:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="114" />
        <source>Outbox folder (juror):</source>
        <translation>Folder kirim (juri):</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="115" />
        <source>Inbox folder (chair):</source>
        <translation>Folder terima (ketua):</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="116" />
        <source>Back up the event every:</source>
        <translation>Cadangkan kompetisi setiap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="117" />
        <source>Recent files:</source>
        <translation>Berkas terakhir:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="119" />
        <source>A new language takes effect the next time the program starts.</source>
        <translation>Bahasa baru berlaku saat program dibuka lagi.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="137" />
        <source>System default</source>
        <translation>Bawaan sistem</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/settings_dialog.py" line="159" />
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
</context>
<context>
    <name>EventContext</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/context.py" line="60" />
        <source>The event file was deleted while open. Every saved score was written back to {0}.</source>
        <translation>Berkas kompetisi terhapus saat sedang dibuka. Semua nilai yang tersimpan telah ditulis kembali ke {0}.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/file_dialogs.py" line="40" />
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/file_dialogs.py" line="43" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/file_dialogs.py" line="44" />
        <source>{0} file</source>
        <translation>Berkas {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="470" />
        <source>The event file changed on disk</source>
        <translation>Berkas kompetisi berubah di disk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>Open &amp;read-only…</source>
        <translation>Buka &amp;hanya-baca…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>Open an event file read-only</source>
        <translation>Buka berkas kompetisi (hanya baca)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>opened with File › Open read-only; nothing can be changed.</source>
        <translation>dibuka lewat Berkas › Buka hanya-baca; tidak ada yang dapat diubah.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>the file is on read-only media or in a read-only folder. To make changes, copy it to a writable folder and open the copy.</source>
        <translation>berkas ini ada di media atau folder yang hanya dapat dibaca. Untuk mengubahnya, salin ke folder yang dapat ditulisi lalu buka salinannya.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>another window or program is writing to this event. Close it there to make changes here; what you see is not updated by its changes until you reopen.</source>
        <translation>jendela atau program lain sedang menulis ke kompetisi ini. Tutup di sana untuk mengubahnya di sini; perubahan dari sana baru tampak setelah Anda membukanya kembali.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>Read-only: {0}</source>
        <translation>Hanya baca: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/main_window.py" line="1" />
        <source>{0}, read-only</source>
        <translation>{0}, hanya baca</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/scoring_form.py" line="1" />
        <source>The event is open read-only: nothing can be changed here.</source>
        <translation>Kompetisi dibuka hanya-baca: tidak ada yang dapat diubah di sini.</translation>
    </message>
</context>
</TS>
