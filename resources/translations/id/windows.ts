<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>Leaderboard</name>
        <message>
            <source>not advanced to %1</source>
            <translation>tidak lolos ke %1</translation>
        </message>
        <message>
            <source>%1 (%2: %3)</source>
            <translation>%1 (%2: %3)</translation>
        </message>
    </context>
    <context>
        <name>LeaderboardPanel</name>
        <message>
            <source>%1 entries: %2 final, %3 provisional, %4 unscored; %5 not advanced to %6</source>
            <translation>%1 peserta: %2 final, %3 sementara, %4 belum dinilai; %5 tidak lolos ke %6</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>A new language takes effect when the program restarts.</source>
            <translation>Bahasa baru berlaku setelah program dimulai ulang.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>The new language is used after a restart. Restart the program now?</source>
            <translation>Bahasa baru dipakai setelah program dimulai ulang. Mulai ulang sekarang?</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <source>Your scores for {0} are submitted. The chair receives them only when you send them. Send the scores now?</source>
            <translation>Nilai Anda untuk {0} sudah diserahkan. Ketua juri baru menerimanya setelah Anda mengirimnya. Kirim nilai sekarang?</translation>
        </message>
    </context>
    <context>
        <name>PromoteDialog</name>
        <message>
            <source>%1 %2 (weight %3%)</source>
            <translation>%1 %2 (bobot %3%)</translation>
        </message>
    </context>
</TS>
