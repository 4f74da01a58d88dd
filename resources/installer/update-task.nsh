; Updates without an administrator at the till (main/updates/install/windows.ts). Included by provision.nsh, whose
; customInstall / customUnInstall macros insert these.
;
; "Nuqta POS Update" runs as SYSTEM, on demand only: the till (a standard user) starts it with
; `schtasks /Run /TN "Nuqta POS Update"` when the update policy says now. It runs the installed app with
; --apply-staged-update, which verifies the staged update again (signed manifest, sha256), copies it into
; %ProgramData%\Nuqta POS\update-run — a folder only SYSTEM and administrators may write, made here — checks its
; Authenticode signature there and installs it silently (main/updates/install/apply-staged.ts).
;
; "Nuqta POS Start" runs as the interactive user (the BUILTIN\Users group, only when signed in), on demand: the
; SYSTEM task starts it after installing so the till comes back on the new version in the user's session.
;
; The staged update itself waits in %ProgramData%\Nuqta POS\updates, where the till's user may write and SYSTEM
; reads (the per-user data folder is out of SYSTEM's sight).

!macro nuqtaUpdateTasks
  Push $R0
  ReadEnvStr $R0 "PROGRAMDATA"
  ${If} $R0 == ""
    StrCpy $R0 "$APPDATA"
  ${EndIf}
  CreateDirectory "$R0\Nuqta POS\updates"
  CreateDirectory "$R0\Nuqta POS\update-run"
  ; SYSTEM and Administrators only, nothing inherited: a user cannot plant or swap the file the task runs.
  nsExec::Exec '"$SYSDIR\icacls.exe" "$R0\Nuqta POS\update-run" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F'
  Pop $0
  ; Users may stage updates (create and replace their own files) in updates\.
  nsExec::Exec '"$SYSDIR\icacls.exe" "$R0\Nuqta POS\updates" /grant *S-1-5-32-545:(OI)(CI)M'
  Pop $0
  nsExec::Exec '"$SYSDIR\schtasks.exe" /Create /F /TN "Nuqta POS Update" /RU SYSTEM /RL HIGHEST /SC ONCE /SD 01/01/2000 /ST 00:00 /TR "\"$INSTDIR\${APP_EXECUTABLE_FILENAME}\" --apply-staged-update"'
  Pop $0
  ; Any signed-in user may start the update task (read + execute on the task), which only ever installs a
  ; vendor-signed update that is newer than the one installed.
  nsExec::Exec '"$SYSDIR\schtasks.exe" /Create /F /TN "Nuqta POS Start" /RU "BUILTIN\Users" /IT /SC ONCE /SD 01/01/2000 /ST 00:00 /TR "\"$INSTDIR\${APP_EXECUTABLE_FILENAME}\""'
  Pop $0
  nsExec::Exec '"$SYSDIR\icacls.exe" "$SYSDIR\Tasks\Nuqta POS Update" /grant *S-1-5-32-545:RX'
  Pop $0
  Pop $R0
!macroend

!macro nuqtaRemoveUpdateTasks
  nsExec::Exec '"$SYSDIR\schtasks.exe" /Delete /F /TN "Nuqta POS Update"'
  Pop $0
  nsExec::Exec '"$SYSDIR\schtasks.exe" /Delete /F /TN "Nuqta POS Start"'
  Pop $0
!macroend
