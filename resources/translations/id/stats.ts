<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>JurorStats</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="64"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="94"/>
        <source>No charts: not enough data.</source>
        <translation>Belum ada grafik: data belum cukup.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="101"/>
        <source>Totals per juror</source>
        <translation>Nilai total per juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="106"/>
        <source>Leniency ± its spread</source>
        <translation>Kelonggaran ± sebarannya</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="113"/>
        <source>Juror minus the others&apos; mean (click a framed outlier to open it)</source>
        <translation>Selisih juri dengan rata-rata juri lain (klik pencilan berbingkai untuk membukanya)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats_feature.py" line="30"/>
        <source>&amp;Juror statistics…</source>
        <translation>&amp;Statistik juri…</translation>
    </message>
</context>
<context>
    <name>JurorStatsDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="281"/>
        <source>Juror statistics</source>
        <translation>Statistik juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="290"/>
        <source>&amp;Recompute</source>
        <translation>&amp;Hitung ulang</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="293"/>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="300"/>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="311"/>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="334"/>
        <source>Juror</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="301"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="302"/>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="303"/>
        <source>SD</source>
        <translation>SB</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="304"/>
        <source>Leniency</source>
        <translation>Kelonggaran</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="305"/>
        <source>Correlation</source>
        <translation>Korelasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="306"/>
        <source>Outliers</source>
        <translation>Pencilan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="307"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="311"/>
        <source>Entry</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="311"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="311"/>
        <source>Others&apos; mean</source>
        <translation>Rata-rata juri lain</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="319"/>
        <source>Outlier marks (click one to open that entry with that juror&apos;s form):</source>
        <translation>Nilai pencilan (klik untuk membuka peserta itu dengan formulir juri tersebut):</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="330"/>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="330"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="330"/>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="499"/>
        <source>Verdict</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="331"/>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="497"/>
        <source>Place</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="335"/>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="336"/>
        <source>Winner</source>
        <translation>Juara</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="337"/>
        <source>Top 3</source>
        <translation>3 besar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="338"/>
        <source>Cut</source>
        <translation>Batas lolos</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="339"/>
        <source>Largest move</source>
        <translation>Perpindahan terbesar</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="343"/>
        <source>Jurors</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="344"/>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="345"/>
        <source>Agreement</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="346"/>
        <source>Method sensitivity</source>
        <translation>Kepekaan metode</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="347"/>
        <source>Leave one juror out</source>
        <translation>Tanpa satu juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="369"/>
        <source>Final ranking</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="384"/>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="400"/>
        <source>The statistics could not be computed: {0}</source>
        <translation>Statistik tidak dapat dihitung: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="413"/>
        <source>no entry completed</source>
        <translation>belum ada peserta yang selesai dinilai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="414"/>
        <source>one entry only: no spread</source>
        <translation>hanya satu peserta: tanpa sebaran</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="415"/>
        <source>shares no entry with another juror</source>
        <translation>tidak berbagi peserta dengan juri lain</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="416"/>
        <source>fewer than 3 shared entries: no correlation</source>
        <translation>kurang dari 3 peserta bersama: tanpa korelasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="417"/>
        <source>no variation: no correlation</source>
        <translation>nilai tanpa variasi: tanpa korelasi</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="418"/>
        <source>Not enough data: fewer than 2 jurors with totals.</source>
        <translation>Data belum cukup: kurang dari 2 juri bernilai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="419"/>
        <source>Not enough data: fewer than 2 entries with totals.</source>
        <translation>Data belum cukup: kurang dari 2 peserta bernilai.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="420"/>
        <source>not enough data: no entry scored by two jurors</source>
        <translation>data belum cukup: tidak ada peserta yang dinilai dua juri</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="421"/>
        <source>not enough data: every value is the same</source>
        <translation>data belum cukup: semua nilai sama</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="427"/>
        <source>mean</source>
        <translation>rata-rata</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="428"/>
        <source>trimmed mean</source>
        <translation>rata-rata terpangkas</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="429"/>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="430"/>
        <source>banded</source>
        <translation>pita</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="431"/>
        <source>z-score</source>
        <translation>skor-z</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="446"/>
        <source>Outlier tolerance: {0} points; flagged rows have outliers.</source>
        <translation>Toleransi pencilan: {0} poin; baris bertanda memiliki pencilan.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="496"/>
        <source>The final ranking: method sensitivity and leave one juror out. Per-juror statistics, agreement and charts belong to a stage: choose a stage.</source>
        <translation>Peringkat akhir: kepekaan metode dan tanpa satu juri. Statistik per juri, kesepakatan dan grafik ada pada tiap tahap: pilih sebuah tahap.</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="478"/>
        <source>Totals</source>
        <translation>Nilai total</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="485"/>
        <source>low agreement (below 0.667)</source>
        <translation>kesepakatan rendah (di bawah 0,667)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="487"/>
        <source>adequate</source>
        <translation>memadai</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="511"/>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="513"/>
        <source>sensitive: {0}</source>
        <translation>peka: {0}</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="522"/>
        <source>Changed places</source>
        <translation>Peserta berganti peringkat</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="531"/>
        <source>Final</source>
        <translation>Akhir</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="536"/>
        <source>CHANGES</source>
        <translation>BERUBAH</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/juror_stats.py" line="537"/>
        <source>same</source>
        <translation>tetap</translation>
    </message>
</context>
<context>
    <name>StagesTab</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="47"/>
        <source>points; empty = 10% of the scale</source>
        <translation>poin; kosong = 10% skala</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="57"/>
        <source>Outlier tolerance (juror statistics)</source>
        <translation>Toleransi pencilan (statistik juri)</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/setup/stages_tab.py" line="125"/>
        <source>The tolerance</source>
        <translation>Toleransi</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/report_dialog.py" line="117"/>
        <source>Juror statistics and method sensitivity</source>
        <translation>Statistik juri dan kepekaan metode</translation>
    </message>
</context>
</TS>
