#!/usr/bin/env bash
# Takes the README's picture of the interactive HTML page: the restaurant example rendered with -f html, opened in
# headless Chromium (Debian `chromium`) with a card traced (the page's #card=ID address does what hovering it does).
# Writes docs/images/restaurant-html.png.
# usage: scripts/readme-html-image.sh      (run again after a change to the example, the renderer or the page)
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${BLUEPRINT_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "readme-html-image.sh: no Chromium at $chromium; install Debian's chromium (apt-get install chromium) or set BLUEPRINT_CHROMIUM" >&2
  exit 1
fi

dotnet build src/Blueprint.Cli -c Release --nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Blueprint.Cli -c Release --no-build -- render examples/restaurant.blueprint.yaml -o "$work/restaurant.html" >/dev/null

mkdir -p docs/images
image=docs/images/restaurant-html.png
# The flags keep a headless Chromium from waiting on the network (updates, sync, QUIC) it cannot reach.
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1600,900 --virtual-time-budget=3000 --screenshot="$PWD/$image" \
  "file://$work/restaurant.html#card=send-order" 2>/dev/null

size=$(wc -c <"$image")
if [ "$size" -gt 300000 ]; then
  echo "readme-html-image.sh: $image is $size bytes; keep README images under 300 KB" >&2
  exit 1
fi
echo "wrote $image ($size bytes)"
