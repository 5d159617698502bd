#!/usr/bin/env bash
# Times the whole `blueprint render` process against Graphviz `dot` drawing the same cards and
# arrows (bench/generate.mjs), for blueprints of 20, 100 and 1,000 steps, and reports medians,
# ratios and peak memory; then lint of one 20-step file against an empty native .NET program's start-up
# (bench/empty). Installs hyperfine and graphviz from Debian if they are missing.
# usage: bench/run.sh [STEPS...]      (default: 20 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("${@:-20}")
[ $# -gt 0 ] || steps=(20 100 1000)

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v dot >/dev/null || missing+=(graphviz)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=bench/work
mkdir -p "$work"
dotnet publish src/Blueprint.Cli -c Release -o "$work/bin" --nologo -v quiet >/dev/null
bp="$work/bin/blueprint"

median() { # hyperfine JSON -> median seconds of command N
  node -e 'const r=require(require("path").resolve(process.argv[1])).results; console.log(r[+process.argv[2]].median.toFixed(4))' "$1" "$2"
}
peak_mb() { # peak resident memory of one run, in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'
}

echo "date: $(date -u +%Y-%m-%d), cores: $(nproc), $(uname -m)"
echo "dotnet $(dotnet --version), $(dot -V 2>&1), $(hyperfine --version)"
echo "SkiaSharp $(grep -o 'Include="SkiaSharp" Version="[^"]*' src/Blueprint.Rendering/Blueprint.Rendering.csproj | sed 's/.*Version="//'), HarfBuzzSharp $(grep -o 'Include="HarfBuzzSharp" Version="[^"]*' src/Blueprint.Rendering/Blueprint.Rendering.csproj | sed 's/.*Version="//')"
# dot is timed twice: with its default curved edges, and with orthogonal edges (-Gsplines=ortho), which is
# what the blueprint diagram draws.
printf '%-7s %-4s %12s %10s %7s %12s %7s %14s %8s\n' steps fmt blueprint_s dot_s ratio dot_ortho_s ratio blueprint_MB dot_MB
for n in "${steps[@]}"; do
  node bench/generate.mjs "$n" "$work"
  yaml="$work/steps-$n.blueprint.yaml"; gv="$work/steps-$n.dot"
  for fmt in png pdf; do
    [ "$n" -ge 1000 ] && runs=3 || runs=10
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/h-$n-$fmt.json" \
      "$bp render $yaml -o $work/out-$n.$fmt --force" \
      "dot -T$fmt $gv -o $work/dot-$n.$fmt" \
      "dot -Gsplines=ortho -T$fmt $gv -o $work/dot-ortho-$n.$fmt" >/dev/null 2>"$work/hyperfine.log" || { cat "$work/hyperfine.log" >&2; exit 1; }
    b=$(median "$work/h-$n-$fmt.json" 0); d=$(median "$work/h-$n-$fmt.json" 1); o=$(median "$work/h-$n-$fmt.json" 2)
    ratio=$(node -e "console.log(($b/$d).toFixed(2))"); ratio_ortho=$(node -e "console.log(($b/$o).toFixed(2))")
    bm=$(peak_mb "$bp" render "$yaml" -o "$work/out-$n.$fmt" --force)
    dm=$(peak_mb dot "-T$fmt" "$gv" -o "$work/dot-$n.$fmt")
    printf '%-7s %-4s %12s %10s %7s %12s %7s %14s %8s\n' "$n" "$fmt" "$b" "$d" "$ratio" "$o" "$ratio_ortho" "$bm" "$dm"
  done
done

# Lint of one 20-step file against the start-up of an empty native .NET program (goal: within 4x).
dotnet publish bench/empty -c Release -o "$work/empty" --nologo -v quiet >/dev/null
node bench/generate.mjs 20 "$work"
hyperfine -N --style none --warmup 5 --runs 40 --export-json "$work/h-lint.json" \
  "$work/empty/empty" "$bp lint $work/steps-20.blueprint.yaml" >/dev/null 2>"$work/hyperfine.log" || { cat "$work/hyperfine.log" >&2; exit 1; }
e=$(median "$work/h-lint.json" 0); l=$(median "$work/h-lint.json" 1)
echo "lint of one 20-step file: $l s; empty native program: $e s; ratio $(node -e "console.log(($l/$e).toFixed(1))")"
