; Silent deployment with a provisioning file (electron-builder includes this through nsis.include):
;
;   "Nuqta POS Setup 1.2.3.exe" /S /PROVISION=D:\deploy\shop-12.json
;
; copies that file to %ProgramData%\Nuqta POS\provision.json, where the till reads it at its next start
; (main/app/provisioning.ts). The path must be absolute (.onInit has already moved the working folder to the
; install folder) and must come before /D=, which NSIS requires to be last. Without /PROVISION an existing
; provision.json is left as it is, so an upgrade never undoes what the till has applied or sealed.
;
; A /PROVISION that names no file stops the installer before anything is installed, with exit code 2, so a
; deployment tool sees the failure instead of a till that starts unprovisioned. makensis reads this file as
; UTF-8 (electron-builder passes -INPUTCHARSET UTF8) and builds a Unicode installer, so the Arabic shows.

!include "LogicLib.nsh"
!include "${PROJECT_DIR}\resources\installer\update-task.nsh"

!ifndef BUILD_UNINSTALLER

!include "FileFunc.nsh"

Var provisionSource

!macro nuqtaProvisionFail CODE AR EN
  ; /SD IDOK: in a silent install the message is not shown (the exit code is what a deployment tool reads).
  MessageBox MB_OK|MB_ICONSTOP "${AR}$\r$\n$\r$\n${EN}$\r$\n$provisionSource$\r$\n$\r$\n(${CODE})" /SD IDOK
  SetErrorLevel 2
!macroend

!macro customInit
  Push $R0
  StrCpy $provisionSource ""
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PROVISION=" $provisionSource
  ; GetOptions strips the quotes of /PROVISION="D:\deploy files\shop.json" itself.
  ${If} ${Errors}
    StrCpy $provisionSource ""
  ${EndIf}
  Pop $R0
  ${If} $provisionSource != ""
    ${If} ${FileExists} "$provisionSource\*.*"
    ${OrIfNot} ${FileExists} "$provisionSource"
      !insertmacro nuqtaProvisionFail "PROVISION_FILE_NOT_FOUND" "لم يُعثر على ملف التهيئة المحدد في ‎/PROVISION؛ لم يُثبَّت شيء." "The provisioning file given with /PROVISION was not found; nothing was installed."
      Quit
    ${EndIf}
  ${EndIf}
!macroend

!macro customInstall
  ${If} $provisionSource != ""
    Push $R0
    ; %ProgramData% itself, not a guess at C:\ProgramData; $APPDATA is the same folder in a per-machine install
    ; (SetShellVarContext all), the fallback if the variable is missing.
    ReadEnvStr $R0 "PROGRAMDATA"
    ${If} $R0 == ""
      StrCpy $R0 "$APPDATA"
    ${EndIf}
    CreateDirectory "$R0\Nuqta POS"
    ClearErrors
    CopyFiles /SILENT /FILESONLY "$provisionSource" "$R0\Nuqta POS\provision.json"
    ${If} ${Errors}
      !insertmacro nuqtaProvisionFail "PROVISION_COPY_FAILED" "تعذّر نسخ ملف التهيئة إلى ‎%ProgramData%\Nuqta POS\provision.json." "The provisioning file could not be copied to %ProgramData%\Nuqta POS\provision.json."
      Pop $R0
      Abort
    ${EndIf}
    Pop $R0
  ${EndIf}
  !insertmacro nuqtaUpdateTasks
!macroend

!endif

!macro customUnInstall
  !insertmacro nuqtaRemoveUpdateTasks
!macroend
