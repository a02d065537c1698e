; Inno Setup script (Inno Setup 6.3 or newer) of the Windows installer of ReceptionDesk - Bàn tiếp công dân.
; Build the one-folder program first (pyinstaller build_installer.spec, see docs/windows.md), then, from the
; repository root:   iscc installer\receptiondesk.iss      (or iscc /DAppVersion=0.2.0 installer\receptiondesk.iss)
; Output: dist\receptiondesk-setup-<version>.exe
;
; 64-bit Windows 10 or 11; installed for all users under Program Files; Start menu and desktop shortcuts. The desk's
; data never lives beside the program: it is in each user's data directory (%APPDATA%\ReceptionDesk, with drafts in
; %LOCALAPPDATA%\ReceptionDesk), which this installer neither creates nor removes, so uninstalling keeps it and an
; upgrade finds it (the program migrates it on open, after taking a copy into before-migration\).
; This file is UTF-8 with a byte order mark, which Inno Setup needs to read the Vietnamese names.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Bàn tiếp công dân"
#define AppExe "receptiondesk.exe"
#define SourceDir "..\dist\receptiondesk"

[Setup]
; The same AppId for every version: a new version installs over the old one (an upgrade), never beside it.
AppId={{9CDA6867-83A2-45C7-A3B7-587B43DBC415}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} (ReceptionDesk) {#AppVersion}
AppPublisher=ReceptionDesk
DefaultDirName={autopf}\ReceptionDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName} (ReceptionDesk)
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\resources\icons\receptiondesk.ico
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
; A desk still running is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist
OutputBaseFilename=receptiondesk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's folder of libraries whole, so no file of the old version is left to be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; receptiondesk.exe (the window) and receptiondesk-console.exe (the command line, --self-test) with _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; As the user who started the installer, not as the administrator: the desk's data goes in that user's directory.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
