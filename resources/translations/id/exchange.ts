<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="114"/>
        <source>{0} new, {1} changed, {2} unchanged scores; {3} package(s) refused.</source>
        <translation>{0} baru, {1} berubah, {2} tetap; {3} paket ditolak.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="129"/>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="196"/>
        <source>Import scores</source>
        <translation>Impor nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="144"/>
        <source>Checking {0} file(s)…</source>
        <translation>Memeriksa {0} berkas…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="148"/>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="151"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="170"/>
        <source>Nothing to apply.</source>
        <translation>Tidak ada yang perlu diterapkan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="175"/>
        <source>The import failed: {0}</source>
        <translation>Impor gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="182"/>
        <source>Applying…</source>
        <translation>Menerapkan…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="197"/>
        <source>Score packages are imported into the chair&apos;s event file. Open it first.</source>
        <translation>Paket nilai diimpor ke berkas kompetisi milik ketua juri. Buka berkas itu terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="206"/>
        <source>Imported: {0}</source>
        <translation>Terimpor: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="218"/>
        <source>&amp;Import scores…</source>
        <translation>&amp;Impor nilai…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="227"/>
        <source>Import score packages</source>
        <translation>Impor paket nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="229"/>
        <source>Score packages (*{0});;All files (*)</source>
        <translation>Paket nilai (*{0});;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="65"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="66"/>
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="67"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="68"/>
        <source>Changed</source>
        <translation>Berubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="69"/>
        <source>Unchanged</source>
        <translation>Tetap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="102"/>
        <source>Refused: {0}</source>
        <translation>Ditolak: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="105"/>
        <source>{0} comment(s)</source>
        <translation>{0} komentar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="107"/>
        <source>{0} submission(s)</source>
        <translation>{0} pengiriman</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="109"/>
        <source>imported before</source>
        <translation>sudah pernah diimpor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/import_dialog.py" line="110"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>stage {0} is submitted: {1} change(s) refused until you reopen it</source>
        <translation>tahap {0} sudah dikirim: {1} perubahan ditolak sampai Anda membukanya kembali</translation>
    </message>
    <message>
        <source>NOT juror-signed (old package format)</source>
        <translation>TIDAK bertanda tangan juri (format paket lama)</translation>
    </message>
    <message>
        <source>juror&apos;s key {0} (first package: now trusted)</source>
        <translation>kunci juri {0} (paket pertama: kini dipercaya)</translation>
    </message>
    <message>
        <source>signed with juror&apos;s key {0}</source>
        <translation>bertanda tangan kunci juri {0}</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="121"/>
        <source>Inbox: {0} new and {1} changed scores from {2}.</source>
        <translation>Kotak masuk: {0} nilai baru dan {1} nilai berubah dari {2}.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="128"/>
        <source>Refused {0}: {1}</source>
        <translation>Ditolak {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="139"/>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="205"/>
        <source>Watch an &amp;inbox folder…</source>
        <translation>Pantau folder kotak &amp;masuk…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="140"/>
        <source>Stop watching the inbox folder</source>
        <translation>Berhenti memantau folder kotak masuk</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="150"/>
        <source>The inbox folder {0} is not available.</source>
        <translation>Folder kotak masuk {0} tidak tersedia.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="163"/>
        <source>Inbox import failed: {0}</source>
        <translation>Impor dari kotak masuk gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="181"/>
        <source>Inbox folder for score packages</source>
        <translation>Folder kotak masuk untuk paket nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/inbox.py" line="200"/>
        <source>Watch an &amp;inbox folder… (now: {0})</source>
        <translation>Pantau folder kotak &amp;masuk… (sekarang: {0})</translation>
    </message>
</context>
<context>
    <name>JurorProgress</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="207"/>
        <source>Juror progress</source>
        <translation>Kemajuan juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="213"/>
        <source>&amp;Juror progress</source>
        <translation>Kemajuan &amp;juri</translation>
    </message>
</context>
<context>
    <name>JurorProgressModel</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="76"/>
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="77"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="78"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="79"/>
        <source>To score</source>
        <translation>Harus dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="80"/>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="81"/>
        <source>Partial</source>
        <translation>Sebagian</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="82"/>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="83"/>
        <source>Submitted</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="84"/>
        <source>Last package</source>
        <translation>Paket terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="110"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="110"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="114"/>
        <source>none</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Sidik kunci</translation>
    </message>
    <message>
        <source>The juror&apos;s signing key, trusted from their first signed package. Compare it with the fingerprint on the juror&apos;s printed score sheet.</source>
        <translation>Kunci tanda tangan juri, dipercaya sejak paket bertanda tangan pertamanya. Cocokkan dengan sidik kunci pada lembar penilaian juri yang dicetak.</translation>
    </message>
</context>
<context>
    <name>JurorProgressView</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_progress.py" line="152"/>
        <source>Open the chair&apos;s event file to see the jurors&apos; progress.</source>
        <translation>Buka berkas kompetisi milik ketua juri untuk melihat kemajuan para juri.</translation>
    </message>
    <message>
        <source>&amp;Reopen stage {0} for {1}…</source>
        <translation>&amp;Buka kembali tahap {0} untuk {1}…</translation>
    </message>
    <message>
        <source>Reopen stage</source>
        <translation>Buka kembali tahap</translation>
    </message>
    <message>
        <source>Reopen stage {0} for juror {1}? Their next package may then change their scores in it. Send them a new kit so that their kit is reopened too.</source>
        <translation>Buka kembali tahap {0} untuk juri {1}? Paket berikutnya dari juri itu boleh mengubah nilainya di tahap tersebut. Kirimkan kit baru agar kit juri juga terbuka kembali.</translation>
    </message>
    <message>
        <source>The stage was not reopened.</source>
        <translation>Tahap tidak dibuka kembali.</translation>
    </message>
</context>
<context>
    <name>KitExport</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="156"/>
        <source>Export juror &amp;kits…</source>
        <translation>Ekspor &amp;kit juri…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="167"/>
        <source>{0} juror kit(s) written to {1}.</source>
        <translation>{0} kit juri ditulis ke {1}.</translation>
    </message>
</context>
<context>
    <name>KitExportDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="47"/>
        <source>Export juror kits</source>
        <translation>Ekspor kit juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="57"/>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="64"/>
        <source>Current stage ({0})</source>
        <translation>Tahap saat ini ({0})</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="78"/>
        <source>Each kit holds the rubric, the entries of the stage and that juror&apos;s own data only. Give each juror their own file.</source>
        <translation>Setiap kit hanya berisi rubrik, peserta tahap ini, dan data milik juri itu sendiri. Berikan kepada setiap juri berkasnya masing-masing.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="88"/>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="90"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="95"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="96"/>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="97"/>
        <source>Jurors:</source>
        <translation>Juri:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="106"/>
        <source>Folder for the juror kits</source>
        <translation>Folder untuk kit juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="122"/>
        <source>Choose an existing folder for the kits.</source>
        <translation>Pilih folder yang sudah ada untuk kit.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="125"/>
        <source>Choose at least one juror.</source>
        <translation>Pilih sedikitnya satu juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/kit_export.py" line="151"/>
        <source>The kits were not written: {0}</source>
        <translation>Kit tidak ditulis: {0}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="110"/>
        <source>&amp;Send scores…</source>
        <translation>&amp;Kirim nilai…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="112"/>
        <source>&amp;Update from a new kit…</source>
        <translation>&amp;Perbarui dari kit baru…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="113"/>
        <source>Set the &amp;outbox folder…</source>
        <translation>Atur folder kotak &amp;keluar…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="115"/>
        <source>Stop sending to the outbox folder</source>
        <translation>Berhenti mengirim ke folder kotak keluar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="127"/>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="145"/>
        <source>Send scores</source>
        <translation>Kirim nilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="129"/>
        <source>Score packages (*{0})</source>
        <translation>Paket nilai (*{0})</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="139"/>
        <source>Scores saved to {0}. Give this file to the chair.</source>
        <translation>Nilai disimpan ke {0}. Serahkan berkas ini kepada ketua juri.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="154"/>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="172"/>
        <source>Update from a new kit</source>
        <translation>Perbarui dari kit baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="156"/>
        <source>Juror kits (*{0})</source>
        <translation>Kit juri (*{0})</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="164"/>
        <source>Kit updated for stage(s) {0}: {1} entries added, {2} removed. Your scores were kept.</source>
        <translation>Kit diperbarui untuk tahap {0}: {1} peserta ditambahkan, {2} dihapus. Nilai Anda tetap tersimpan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="184"/>
        <source>The outbox folder {0} is not available.</source>
        <translation>Folder kotak keluar {0} tidak tersedia.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="194"/>
        <source>Scores sent to the outbox ({0}).</source>
        <translation>Nilai terkirim ke kotak keluar ({0}).</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="202"/>
        <source>Could not write to the outbox: {0}</source>
        <translation>Tidak dapat menulis ke kotak keluar: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/outbox.py" line="222"/>
        <source>Outbox folder</source>
        <translation>Folder kotak keluar</translation>
    </message>
</context>
</TS>
