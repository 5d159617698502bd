#!/usr/bin/env bash
# Times the whole `blueprint render` process against Graphviz `dot` drawing the same cards and
# arrows (bench/generate.mjs), for blueprints of 20, 100 and 1,000 steps, and reports medians,
# ratios and peak memory; then lint of one 20-step file against an empty native .NET program's start-up
# (bench/empty), and the 10,000-step row: PDF, PNG (scaled to the pixel limit) and lint of a 9 MB file against
# their absolute goals (dot is not timed there: it takes minutes). Installs hyperfine and graphviz from Debian if
# they are missing.
# usage: bench/run.sh [STEPS...]      (default: 20 100 1000, then the 10,000-step row; BIG=0 leaves that row out,
#                                     SMALL=0 runs only that row)
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
if [ "${SMALL:-1}" != 0 ]; then
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
fi

# 10,000 steps (SPEC section 7): PDF under 3 s and 600 MB, PNG under 3 s, lint under 1 s, at most 12x the 1,000-step time.
if [ "${BIG:-1}" != 0 ]; then
  for n in 1000 10000; do node bench/generate.mjs "$n" "$work"; done
  big="$work/steps-10000.blueprint.yaml"
  hyperfine -N --style none --warmup 1 --runs 5 --export-json "$work/h-10000.json" \
    "$bp render $big -o $work/out-10000.pdf --force" \
    "$bp render $big -o $work/out-10000.png --force" \
    "$bp lint $big" \
    "$bp render $work/steps-1000.blueprint.yaml -o $work/out-1000.pdf --force" >/dev/null 2>"$work/hyperfine.log" || { cat "$work/hyperfine.log" >&2; exit 1; }
  p=$(median "$work/h-10000.json" 0); g=$(median "$work/h-10000.json" 1); l=$(median "$work/h-10000.json" 2); k=$(median "$work/h-10000.json" 3)
  pm=$(peak_mb "$bp" render "$big" -o "$work/out-10000.pdf" --force)
  gm=$(peak_mb "$bp" render "$big" -o "$work/out-10000.png" --force)
  lm=$(peak_mb "$bp" lint "$big")
  echo "10,000 steps ($(du -h "$big" | cut -f1) of YAML): pdf $p s ($pm MB), png $g s ($gm MB), lint $l s ($lm MB);" \
    "1,000-step pdf $k s, so pdf at $(node -e "console.log(($p/$k).toFixed(1))")x the 1,000-step time; load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
