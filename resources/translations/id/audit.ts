<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="73" />
        <source>Score set</source>
        <translation>Nilai diisi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="74" />
        <source>Score removed</source>
        <translation>Nilai dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="75" />
        <source>Comment set</source>
        <translation>Komentar diisi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="76" />
        <source>Stage submitted</source>
        <translation>Tahap diserahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="77" />
        <source>Stage reopened</source>
        <translation>Tahap dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="78" />
        <source>Stage added</source>
        <translation>Tahap ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="79" />
        <source>Stage changed</source>
        <translation>Tahap diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="80" />
        <source>Stage deleted</source>
        <translation>Tahap dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="81" />
        <source>Stages reordered</source>
        <translation>Urutan tahap diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="82" />
        <source>Entries advanced</source>
        <translation>Peserta diloloskan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="83" />
        <source>Stage tolerance set</source>
        <translation>Toleransi tahap diatur</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="84" />
        <source>Rubric changed</source>
        <translation>Rubrik diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="85" />
        <source>Rubric template applied</source>
        <translation>Templat rubrik dipakai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="86" />
        <source>Event changed</source>
        <translation>Data kompetisi diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="87" />
        <source>Entry added</source>
        <translation>Peserta ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="88" />
        <source>Entry changed</source>
        <translation>Peserta diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="89" />
        <source>Entry deleted</source>
        <translation>Peserta dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="90" />
        <source>Entry origin noted</source>
        <translation>Asal peserta dicatat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="91" />
        <source>Entries imported</source>
        <translation>Peserta diimpor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="92" />
        <source>Juror added</source>
        <translation>Juri ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="93" />
        <source>Juror changed</source>
        <translation>Juri diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="94" />
        <source>Juror deleted</source>
        <translation>Juri dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="95" />
        <source>Juror key recorded</source>
        <translation>Kunci juri dicatat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="96" />
        <source>Juror key forgotten</source>
        <translation>Kunci juri dilupakan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="97" />
        <source>Category added</source>
        <translation>Kelompok ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="98" />
        <source>Category renamed</source>
        <translation>Kelompok diganti nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="99" />
        <source>Category deleted</source>
        <translation>Kelompok dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="100" />
        <source>Conflict of interest set</source>
        <translation>Konflik kepentingan dicatat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="101" />
        <source>Conflict of interest removed</source>
        <translation>Konflik kepentingan dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="102" />
        <source>Assignments set</source>
        <translation>Penugasan diatur</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="103" />
        <source>Decision set</source>
        <translation>Keputusan dicatat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="104" />
        <source>Decision removed</source>
        <translation>Keputusan dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="105" />
        <source>Awards changed</source>
        <translation>Penghargaan diubah</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="106" />
        <source>Attachment added</source>
        <translation>Lampiran ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="107" />
        <source>Attachment removed</source>
        <translation>Lampiran dihapus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="108" />
        <source>Juror kit made</source>
        <translation>Kit juri dibuat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="109" />
        <source>Juror kit updated</source>
        <translation>Kit juri diperbarui</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="110" />
        <source>Juror kit not written</source>
        <translation>Kit juri gagal ditulis</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="111" />
        <source>Presentation order set</source>
        <translation>Urutan presentasi ditetapkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="110" />
        <source>Panel added</source>
        <translation>Panel ditambahkan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="111" />
        <source>Panel access granted</source>
        <translation>Akses panel diberikan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="112" />
        <source>Workbook imported</source>
        <translation>Buku kerja diimpor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="116" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="117" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="118" />
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="119" />
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="120" />
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="121" />
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="122" />
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="123" />
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="124" />
        <source>Old → new</source>
        <translation>Lama → baru</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="259" />
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="504" />
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="272" />
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="274" />
        <source>until</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="285" />
        <source>Juror:</source>
        <translation>Juri:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="286" />
        <source>Entry:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="287" />
        <source>Action:</source>
        <translation>Tindakan:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="318" />
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="321" />
        <source>Replay the audit log against the scores, comments and submissions and verify the jurors' signatures (as kolabik check)</source>
        <translation>Putar ulang log audit terhadap nilai, komentar dan penyerahan, dan verifikasi tanda tangan juri (seperti kolabik check)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="326" />
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="328" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="381" />
        <source>All jurors</source>
        <translation>Semua juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="384" />
        <source>All entries</source>
        <translation>Semua peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="387" />
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="411" />
        <source>{0} row(s)</source>
        <translation>{0} baris</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="434" />
        <source>Audit chain: checking…</source>
        <translation>Rantai audit: sedang diperiksa…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="437" />
        <source>Audit chain: intact · {0} row(s) · head {1}</source>
        <translation>Rantai audit: utuh · {0} baris · kepala {1}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="443" />
        <source>Audit chain: BROKEN at row {0} · {1} row(s) · head {2}</source>
        <translation>Rantai audit: RUSAK di baris {0} · {1} baris · kepala {2}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="476" />
        <source>{0} problem(s) found:</source>
        <translation>{0} masalah ditemukan:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="479" />
        <source>No problem found: {0}</source>
        <translation>Tidak ada masalah: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="486" />
        <source>Audit row {0}: changed or removed after it was written</source>
        <translation>Baris audit {0}: diubah atau dihapus setelah ditulis</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="505" />
        <source>The check could not run: {0}</source>
        <translation>Pemeriksaan tidak dapat berjalan: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="513" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="513" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="514" />
        <source>audit-log</source>
        <translation>log-audit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="518" />
        <source>Export the audit log</source>
        <translation>Ekspor log audit</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="532" />
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="537" />
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="533" />
        <source>Nothing was exported: {0}</source>
        <translation>Tidak ada yang diekspor: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="537" />
        <source>{0} row(s) written to {1}</source>
        <translation>{0} baris ditulis ke {1}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/audit_view.py" line="550" />
        <source>&amp;Audit log…</source>
        <translation>&amp;Log audit…</translation>
    </message>
</context>
</TS>