#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need and the machine may lack.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# The installed fonts, read once (grep -q on a pipe would stop fc-list early, which pipefail counts as a failure).
fonts=$(fc-list 2>/dev/null || true)
has_font() { [[ "$fonts" == *"$1"* ]]; }
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# Unicode's own conformance files for line breaking (UAX #14) and bidi (UAX #9).
[ -f /usr/share/unicode/auxiliary/LineBreakTest.txt ] && [ -f /usr/share/unicode/BidiCharacterTest.txt ] || need_apt+=(unicode-data)
# DejaVu Sans and Serif: the default family, in which the tests measure and draw.
has_font "DejaVuSerif.ttf" || need_apt+=(fonts-dejavu-core)
# A small font with CFF outlines, for the PDF test of a font our TrueType subsetter cannot cut (Skia embeds it itself).
has_font "Inconsolata" || need_apt+=(fonts-inconsolata)
# A Chinese/Japanese font and an emoji font (both small TrueType), for the tests of text in those scripts.
has_font "DroidSansFallback" || need_apt+=(fonts-droid-fallback)
has_font "NotoColorEmoji" || need_apt+=(fonts-noto-color-emoji)
# DejaVu Sans Oblique, the face of the notes, for the PDF test of the fonts a diagram embeds.
has_font "DejaVuSans-Oblique" || need_apt+=(fonts-dejavu-extra)
# Chromium, headless, for the browser tests of the HTML page and of serve (driven over the DevTools protocol).
[ -n "${BLUEPRINT_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
# Neovim, headless: its built-in LSP client drives `blueprint lsp` in the real-client tests (tests/Blueprint.Cli.Tests/Lsp/RealClient).
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 || echo "test.sh: could not install ${need_apt[*]}; tests that need it will fail" >&2
fi

# The schema test validates with ajv from tools/package.json (npm registry).
if command -v npm >/dev/null 2>&1 && [ ! -d tools/node_modules/ajv ]; then
  (cd tools && npm ci --no-audit --no-fund --silent) || echo "test.sh: npm ci failed; the schema test will say why" >&2
fi
# The Node LSP client of the real-client tests uses Microsoft's LSP libraries from tests/clients/package.json;
# npm ci again whenever its lock file is newer than what is installed.
if command -v npm >/dev/null 2>&1 && { [ ! -f tests/clients/node_modules/.package-lock.json ] || [ tests/clients/package-lock.json -nt tests/clients/node_modules/.package-lock.json ]; }; then
  (cd tests/clients && npm ci --no-audit --no-fund --silent) || echo "test.sh: npm ci in tests/clients failed; the Node client tests will say why" >&2
fi

# The VS Code extension's test type-checks, bundles and packages it with editors/vscode's own tools (TypeScript, esbuild,
# vsce); npm ci again whenever its lock file is newer than what is installed.
if command -v npm >/dev/null 2>&1 && { [ ! -f editors/vscode/node_modules/.package-lock.json ] || [ editors/vscode/package-lock.json -nt editors/vscode/node_modules/.package-lock.json ]; }; then
  (cd editors/vscode && npm ci --no-audit --no-fund --silent) || echo "test.sh: npm ci failed in editors/vscode; the extension's tests will say why" >&2
fi

dotnet test blueprint-cli.sln --nologo -v quiet "$@"
