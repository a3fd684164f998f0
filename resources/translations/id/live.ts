<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>LiveSession</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="126" />
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="127" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="128" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="129" />
        <source>Last contact</source>
        <translation>Kontak terakhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="130" />
        <source>Unsent</source>
        <translation>Belum terkirim</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="131" />
        <source>Scoring</source>
        <translation>Sedang menilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="136" />
        <source>waiting for approval</source>
        <translation>menunggu persetujuan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="138" />
        <source>connected</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="140" />
        <source>not connected</source>
        <translation>belum terhubung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="142" />
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="226" />
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="353" />
        <source>Start the live session</source>
        <translation>Mulai sesi langsung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="228" />
        <source>Pause acceptance</source>
        <translation>Jeda penerimaan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="230" />
        <source>Web board</source>
        <translation>Papan web</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="234" />
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="355" />
        <source>Not running.</source>
        <translation>Tidak berjalan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="246" />
        <source>Approve the selected juror</source>
        <translation>Setujui juri yang dipilih</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="303" />
        <source>The live session could not start.</source>
        <translation>Sesi langsung tidak dapat dimulai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="310" />
        <source>Address: {0}
Pairing code: {1}</source>
        <translation>Alamat: {0}
Kode pasangan: {1}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="316" />
        <source>Stop the live session</source>
        <translation>Hentikan sesi langsung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="367" />
        <source>Web board: {0}</source>
        <translation>Papan web: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="482" />
        <source>Type the chair's pairing code to connect.</source>
        <translation>Ketik kode pasangan dari ketua untuk terhubung.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="541" />
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="543" />
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="545" />
        <source>{0} unsent</source>
        <translation>{0} belum terkirim</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="548" />
        <source>last ack {0}</source>
        <translation>konfirmasi terakhir {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="563" />
        <source>Connect to the live session</source>
        <translation>Hubungkan ke sesi langsung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="570" />
        <source>Hub address</source>
        <translation>Alamat hub</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="572" />
        <source>Pairing code (older kits)</source>
        <translation>Kode pasangan (kit lama)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="585" />
        <source>Live session</source>
        <translation>Sesi langsung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="591" />
        <source>&amp;Live session</source>
        <translation>Sesi &amp;langsung</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/live_session.py" line="593" />
        <source>&amp;Connect to the live session…</source>
        <translation>&amp;Hubungkan ke sesi langsung…</translation>
    </message>
    <message>
        <source>Last refusal</source>
        <translation>Penolakan terakhir</translation>
    </message>
    <message>
        <source>{0} at {1}: {2}</source>
        <translation>{0} pukul {1}: {2}</translation>
    </message>
    <message>
        <source>Forget juror key…</source>
        <translation>Lupakan kunci juri…</translation>
    </message>
    <message>
        <source>Forget juror key</source>
        <translation>Lupakan kunci juri</translation>
    </message>
    <message>
        <source>For a juror given a new kit: stop trusting the old kit's key (recorded in the audit log); the next change signed by the new kit is trusted instead.</source>
        <translation>Untuk juri yang diberi kit baru: berhenti memercayai kunci kit lama (dicatat di log audit); perubahan berikutnya yang ditandatangani kit baru akan dipercaya.</translation>
    </message>
    <message>
        <source>Stop trusting the key of juror {0}? Do this only when the juror has a new kit: the next change signed by a kit of theirs will be trusted instead. Compare its fingerprint with the juror's sheet.</source>
        <translation>Berhenti memercayai kunci juri {0}? Lakukan ini hanya jika juri mendapat kit baru: perubahan berikutnya yang ditandatangani kit mereka akan dipercaya. Bandingkan sidik kuncinya dengan lembar juri.</translation>
    </message>
</context>
</TS>