<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MainWindow</name>
    <message>
        <source>The event on the server cannot be opened.</source>
        <translation>Kompetisi di server tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Open from a &amp;server…</source>
        <translation>Buka dari &amp;server…</translation>
    </message>
    <message>
        <source>Open an event on a server</source>
        <translation>Buka kompetisi di server</translation>
    </message>
    <message>
        <source>Server address, postgresql://user@host:port/database
(the password is read from PGPASSWORD or ~/.pgpass, never typed here):</source>
        <translation>Alamat server, postgresql://pengguna@host:port/basisdata
(kata sandi dibaca dari PGPASSWORD atau ~/.pgpass, tidak pernah diketik di sini):</translation>
    </message>
</context>
<context>
    <name>SheetUndo</name>
    <message>
        <source>Not saved: the server refused this change, because it belongs to another panel (your database role may write only your own panel&apos;s scores). Earlier saves are safe.</source>
        <translation>Tidak tersimpan: server menolak perubahan ini karena milik panel lain (peran basis data Anda hanya boleh mengubah nilai panel Anda sendiri). Simpanan sebelumnya aman.</translation>
    </message>
</context>
</TS>
