#!/usr/bin/env bash
# Makes the tool packages in artifacts/ (docs/install.md): the package users install, ServiceBlueprint.Cli, which
# names one package per platform; ServiceBlueprint.Cli.linux-x64 with the Native AOT executable; and for linux-arm64,
# osx-x64, osx-arm64 and win-x64 an ordinary .NET build (framework-dependent, ReadyToRun). Each carries SkiaSharp's
# and HarfBuzzSharp's native libraries for its platform and the bundled font.
# Arguments go to every `dotnet pack`, e.g. -p:Version=1.2.0.
set -euo pipefail
cd "$(dirname "$0")/.."

pack() { dotnet pack src/Blueprint.Cli -c Release --nologo -v quiet "$@"; }
managed=(-p:PublishAot=false -p:SelfContained=false -p:PublishReadyToRun=true)

pack "$@"
# Native AOT compiles for the machine it runs on: a linux-x64 package is native only when made on linux-x64.
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  pack -r linux-x64 "$@"
else
  echo "pack.sh: not on linux-x64, so its package is the ordinary .NET build" >&2
  pack -r linux-x64 "${managed[@]}" "$@"
fi
for rid in linux-arm64 osx-x64 osx-arm64 win-x64; do
  pack -r "$rid" "${managed[@]}" "$@"
done
ls -l artifacts/*.nupkg
