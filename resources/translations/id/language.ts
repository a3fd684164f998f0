<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>LanguageChooser</name>
    <message>
        <location filename="../../../kolabik_desktop/ui/language_chooser.py" line="32" />
        <source>Choose a language</source>
        <translation>Pilih bahasa</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/language_chooser.py" line="33" />
        <source>Welcome to Kolabik Desktop</source>
        <translation>Selamat datang di Kolabik Desktop</translation>
    </message>
    <message>
        <location filename="../../../kolabik_desktop/ui/language_chooser.py" line="40" />
        <source>Choose the language of the program. You can change it later in Settings.</source>
        <translation>Pilih bahasa program. Anda dapat mengubahnya nanti di Pengaturan.</translation>
    </message>
</context>
</TS>