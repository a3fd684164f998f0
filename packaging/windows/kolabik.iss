; Inno Setup script: a Windows installer for the folder built by `pyinstaller build.spec`,
; registering .kolabik, .kolabik-kit and .kolabik-scores to open in Kolabik Desktop.
; Build on Windows: iscc packaging\windows\kolabik.iss  (after pyinstaller; output in dist\)
#define AppVersion GetEnv("KOLABIK_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C2B7E-4C1D-4E7B-9B0A-6A0B5D1C7A11}
AppName=Kolabik Desktop
AppVersion={#AppVersion}
AppPublisher=Kolabik Desktop
DefaultDirName={autopf}\Kolabik Desktop
DefaultGroupName=Kolabik Desktop
OutputDir=..\..\dist
OutputBaseFilename=Kolabik-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\kolabik.ico
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\Kolabik\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Kolabik Desktop"; Filename: "{app}\Kolabik.exe"
Name: "{autodesktop}\Kolabik Desktop"; Filename: "{app}\Kolabik.exe"

[Registry]
Root: HKA; Subkey: "Software\Classes\.kolabik"; ValueType: string; ValueData: "Kolabik.Event"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Kolabik.Event"; ValueType: string; ValueData: "Kolabik event"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Kolabik.Event\DefaultIcon"; ValueType: string; ValueData: "{app}\Kolabik.exe,0"
Root: HKA; Subkey: "Software\Classes\Kolabik.Event\shell\open\command"; ValueType: string; ValueData: """{app}\Kolabik.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.kolabik-kit"; ValueType: string; ValueData: "Kolabik.Kit"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Kolabik.Kit"; ValueType: string; ValueData: "Kolabik juror kit"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Kolabik.Kit\DefaultIcon"; ValueType: string; ValueData: "{app}\Kolabik.exe,0"
Root: HKA; Subkey: "Software\Classes\Kolabik.Kit\shell\open\command"; ValueType: string; ValueData: """{app}\Kolabik.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.kolabik-scores"; ValueType: string; ValueData: "Kolabik.Scores"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Kolabik.Scores"; ValueType: string; ValueData: "Kolabik score package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Kolabik.Scores\DefaultIcon"; ValueType: string; ValueData: "{app}\Kolabik.exe,0"
Root: HKA; Subkey: "Software\Classes\Kolabik.Scores\shell\open\command"; ValueType: string; ValueData: """{app}\Kolabik.exe"" ""%1"""

[Run]
Filename: "{app}\Kolabik.exe"; Description: "{cm:LaunchProgram,Kolabik Desktop}"; Flags: nowait postinstall skipifsilent
