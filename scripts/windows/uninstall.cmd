@echo off
rem nss-autofill: remove what install.cmd made for this user (the runs in the data folder stay,
rem unless /all is given: they hold applicant data, delete them when you no longer need them).
rem A Python that install.cmd installed stays: remove it in Settings > Apps.
setlocal EnableExtensions
set "TARGET=%LOCALAPPDATA%\nss-autofill"
powershell -NoProfile -NonInteractive -Command ^
  "$bin = $env:LOCALAPPDATA + '\nss-autofill\bin';" ^
  "$old = [Environment]::GetEnvironmentVariable('Path', 'User');" ^
  "$parts = @($old -split ';' | Where-Object { $_ -ne '' -and $_ -ne $bin });" ^
  "[Environment]::SetEnvironmentVariable('Path', ($parts -join ';'), 'User')"
for %%D in (bin venv) do if exist "%TARGET%\%%D" rmdir /s /q "%TARGET%\%%D"
if /i "%~1"=="/all" if exist "%TARGET%" rmdir /s /q "%TARGET%"
echo [nss-autofill] removed. Runs kept in "%TARGET%\runs" unless /all was given.
endlocal
