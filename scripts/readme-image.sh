#!/usr/bin/env bash
# Renders the README's pictures from the restaurant example with the command itself:
# docs/images/restaurant.png (light) and docs/images/restaurant-dark.png (dark).
# usage: scripts/readme-image.sh      (run again after a change to the example or the renderer)
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/Blueprint.Cli -c Release --nologo -v quiet >/dev/null
blueprint() { dotnet run --project src/Blueprint.Cli -c Release --no-build -- "$@"; }

mkdir -p docs/images
blueprint render examples/restaurant.blueprint.yaml -o docs/images/restaurant.png
blueprint render examples/restaurant.blueprint.yaml -o docs/images/restaurant-dark.png --theme dark

for image in docs/images/restaurant.png docs/images/restaurant-dark.png; do
  size=$(wc -c <"$image")
  if [ "$size" -gt 300000 ]; then
    echo "readme-image.sh: $image is $size bytes; keep README images under 300 KB" >&2
    exit 1
  fi
done
