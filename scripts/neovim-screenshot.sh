#!/usr/bin/env bash
# Takes docs/images/neovim-diagnostics.png (and .txt, the same screen as plain text): Neovim in tmux, set up with the
# Neovim 0.7 snippet of docs/editors.md, on examples/coffee-shop.blueprint.yaml with one link broken, once the
# server's BP005 shows. The ANSI capture of the pane becomes HTML (aha) and the HTML a PNG (headless Chromium).
# Needs: the .NET SDK, nvim, tmux, aha, chromium (Debian: apt-get install neovim tmux aha chromium). Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
for program in dotnet nvim tmux aha chromium; do
  command -v "$program" >/dev/null || { echo "neovim-screenshot.sh: needs $program" >&2; exit 1; }
done

work=$(mktemp -d)
session="blueprint-screenshot-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
images=docs/images
mkdir -p "$images"

# The command, built from these sources, as `blueprint` on PATH (the snippet starts `blueprint lsp`).
dotnet build src/Blueprint.Cli -c Release -o "$work/build" --nologo -v quiet >/dev/null
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec dotnet "%s/build/blueprint.dll" "$@"\n' "$work" >"$work/bin/blueprint"
chmod +x "$work/bin/blueprint"

# The Neovim setup exactly as docs/editors.md gives it: the lua block after <!-- neovim-0.7 -->.
awk '/<!-- neovim-0.7 -->/ { found = 1; next } found && /^```lua/ { inside = 1; next } inside && /^```/ { exit } inside' \
  docs/editors.md >"$work/init.lua"
[ -s "$work/init.lua" ] || { echo "neovim-screenshot.sh: no Neovim 0.7 snippet in docs/editors.md" >&2; exit 1; }

# The example with the payment card's link broken (till -> tll).
mkdir -p "$work/project"
sed 's/to: \[till\]/to: [tll]/' examples/coffee-shop.blueprint.yaml >"$work/project/coffee-shop.blueprint.yaml"
line=$(grep -n 'to: \[tll\]' "$work/project/coffee-shop.blueprint.yaml" | cut -d: -f1)

cols=100 rows=26
tmux new-session -d -s "$session" -x "$cols" -y "$rows" -c "$work/project" \
  "env PATH='$work/bin':\"\$PATH\" TERM=tmux-256color XDG_STATE_HOME='$work/state' XDG_CACHE_HOME='$work/cache' \
   nvim -n -u '$work/init.lua' '+$line' '+normal! zz' coffee-shop.blueprint.yaml"
for _ in $(seq 1 120); do
  tmux capture-pane -p -t "$session" | grep -q 'BP005' && break
  sleep 0.5
done
tmux capture-pane -p -t "$session" | grep -q 'BP005' || { echo "neovim-screenshot.sh: no BP005 on screen after 60 s" >&2; tmux capture-pane -p -t "$session" >&2; exit 1; }
sleep 1 # the sign column and the other findings settle

tmux capture-pane -p -t "$session" >"$images/neovim-diagnostics.txt"
tmux capture-pane -e -p -t "$session" >"$work/screen.ansi"

# aha gives the spans; the page around them fixes the font and the size of one terminal cell.
{
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
  printf 'html,body{margin:0;background:#1c1c1c}'
  printf 'pre{margin:0;padding:12px 14px;font:16px/20px "DejaVu Sans Mono",monospace;color:#d0d0d0;background:#1c1c1c}'
  printf '</style></head><body><pre>'
  aha --no-header <"$work/screen.ansi"
  printf '</pre></body></html>\n'
} >"$work/screen.html"
width=$((cols * 963 / 100 + 30)) height=$((rows * 20 + 24))
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$width,$height" --screenshot="$work/screen.png" "file://$work/screen.html" >/dev/null 2>&1
cp "$work/screen.png" "$images/neovim-diagnostics.png"
echo "wrote $images/neovim-diagnostics.png and $images/neovim-diagnostics.txt"
