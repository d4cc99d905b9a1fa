@echo off
rem nss-autofill: offline install for one Windows user, no administrator rights needed.
rem
rem   1. Python 3.11-3.13: the "py" launcher or "python" on PATH, a Python installed by an
rem      earlier run of this script, or a python-3.1x.y-amd64.exe put next to this file
rem      (installed for this user only, into %LOCALAPPDATA%\nss-autofill\python).
rem   2. A virtual environment in %LOCALAPPDATA%\nss-autofill\venv, filled from .\wheels only
rem      (pip --no-index: nothing is downloaded).
rem   3. nss-autofill.exe copied to %LOCALAPPDATA%\nss-autofill\bin, which is added to this
rem      user's PATH (the user part only; the system PATH is not touched).
rem
rem Run it again to upgrade. This file is ASCII on purpose: cmd.exe reads a batch file in the
rem console's code page, and Shift_JIS text can break its parsing. README-ja.txt says it all
rem in Japanese.
setlocal EnableExtensions EnableDelayedExpansion

set "HERE=%~dp0"
set "TARGET=%LOCALAPPDATA%\nss-autofill"
set "VENV=%TARGET%\venv"
set "BIN=%TARGET%\bin"
set "PY="

if not exist "%HERE%wheels\" (
    echo [nss-autofill] the wheels folder is missing next to install.cmd ^(see README-ja.txt^).
    exit /b 2
)

rem ---- 1. a Python 3.11-3.13 ------------------------------------------------------------
set "CHECK=import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)"
for %%V in (3.13 3.12 3.11) do (
    if not defined PY (
        py -%%V -c "%CHECK%" >nul 2>&1 && set "PY=py -%%V"
    )
)
if not defined PY (
    python -c "%CHECK%" >nul 2>&1 && set "PY=python"
)
if not defined PY if exist "%TARGET%\python\python.exe" (
    "%TARGET%\python\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%TARGET%\python\python.exe""
)
if not defined PY (
    for %%I in ("%HERE%python-3.1*-amd64.exe") do (
        if not defined PY (
            echo [nss-autofill] installing %%~nxI for this user only ...
            start "" /wait "%%~fI" /quiet InstallAllUsers=0 PrependPath=0 Include_launcher=0 Include_test=0 Shortcuts=0 AssociateFiles=0 TargetDir="%TARGET%\python"
            "%TARGET%\python\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%TARGET%\python\python.exe""
        )
    )
)
if not defined PY (
    echo [nss-autofill] no Python 3.11-3.13 found. Install Python for your user only
    echo   ^(python.org installer: untick "for all users"; or Microsoft Store^), or put
    echo   python-3.12.x-amd64.exe next to install.cmd, then run install.cmd again.
    echo   ^(see README-ja.txt^)
    exit /b 2
)
echo [nss-autofill] Python: %PY%

rem ---- 2. the virtual environment, from the bundled wheels only -------------------------
if not exist "%VENV%\Scripts\python.exe" (
    %PY% -m venv "%VENV%" || (echo [nss-autofill] cannot create "%VENV%" & exit /b 1)
)
"%VENV%\Scripts\python.exe" -m pip install --quiet --disable-pip-version-check --no-index --find-links "%HERE%wheels" --upgrade nss-autofill
if errorlevel 1 (
    echo [nss-autofill] the install from "%HERE%wheels" failed ^(see above^).
    exit /b 1
)

rem ---- 3. the command on this user's PATH -----------------------------------------------
if not exist "%BIN%" mkdir "%BIN%"
copy /y "%VENV%\Scripts\nss-autofill.exe" "%BIN%\nss-autofill.exe" >nul || exit /b 1
rem The user's own PATH, read and written as it is (setx would merge in the system PATH and
rem cut it at 1024 characters). -Command is not subject to the script execution policy.
powershell -NoProfile -NonInteractive -Command ^
  "$bin = $env:LOCALAPPDATA + '\nss-autofill\bin';" ^
  "$old = [Environment]::GetEnvironmentVariable('Path', 'User');" ^
  "$parts = @($old -split ';' | Where-Object { $_ -ne '' });" ^
  "if ($parts -notcontains $bin) { [Environment]::SetEnvironmentVariable('Path', (($parts + $bin) -join ';'), 'User') }"
if errorlevel 1 (
    echo [nss-autofill] could not add "%BIN%" to your PATH; run it as
    echo   "%BIN%\nss-autofill.exe"
)

echo.
echo [nss-autofill] installed. Open a NEW command prompt and run:
echo   nss-autofill doctor
echo   nss-autofill init --example example.yaml
echo   nss-autofill example.yaml --dry-run
echo   If "nss-autofill" is not found: "%VENV%\Scripts\python.exe" -m nss_autofill doctor
endlocal
exit /b 0
