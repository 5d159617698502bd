#!/usr/bin/env bash
# Lint benchmark (SPEC section 7): `blueprint lint` over a folder of 1,000 blueprints of 20 steps each, whole
# process, Release build. Target: under 1 second on 2 cores. Prints the median wall time.
# Uses hyperfine when installed (apt-get install -y hyperfine), else /usr/bin/time (or bash's time).
# Options (environment): FILES=1000 STEPS=20 RUNS=10 KEEP=1 (keep the generated folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${FILES:-1000}"
steps="${STEPS:-20}"
runs="${RUNS:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/blueprint-lint-bench.XXXXXX")"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

# A Release build as it is shipped: one native executable for this machine (Native AOT, see the CLI project file).
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)"
echo "publishing Release for ${rid:-the current runtime} (Native AOT)..."
dotnet publish "$root/src/Blueprint.Cli" -c Release ${rid:+-r "$rid"} --nologo -v q -o "$work/app" >/dev/null
bin="$work/app/blueprint"

echo "generating $files blueprints of $steps steps in $work/blueprints ..."
mkdir -p "$work/blueprints"
# One realistic blueprint: scenes of 5 steps, six lanes, arrows frontstage -> backstage -> support, owners, fail points.
awk -v files="$files" -v steps="$steps" -v dir="$work/blueprints" 'BEGIN {
  for (f = 1; f <= files; f++) {
    out = sprintf("%s/service-%04d.blueprint.yaml", dir, f)
    printf "blueprint: Service journey %d\n", f > out
    printf "goal: Shorten the time from first contact to a resolved request by a third\n" > out
    printf "scenario: A customer contacts the service, is helped across several channels and leaves satisfied.\n" > out
    printf "persona: Busy customer on a weekday\nowner: Service design team\ntags: [bench, generated]\nscenes:\n" > out
    for (s = 1; s <= steps; s++) {
      if ((s - 1) % 5 == 0) printf "  - scene: Phase %d\n    steps:\n", int((s - 1) / 5) + 1 > out
      printf "      - step: Step %d of the journey\n        id: s%d\n        duration: %dm\n", s, s, (s % 7) + 1 > out
      printf "        evidence: Screen, letter or sign number %d\n", s > out
      printf "        customer: The customer does action %d and checks the result\n", s > out
      printf "        touchpoint: Channel %d (app, desk or phone)\n", s % 3 > out
      printf "        frontstage:\n          id: f%d\n          text: Staff member helps with request %d in view of the customer\n", s, s > out
      printf "          to: [{ ref: b%d, label: request }]\n", s > out
      printf "        backstage:\n          id: b%d\n          text: Back office processes request %d and updates the record\n", s, s > out
      printf "          owner: Back office team\n" > out
      if (s % 4 == 0) printf "          fail: Record %d is locked by another clerk\n", s > out
      printf "          to: [p%d]\n", s > out
      printf "        support:\n          id: p%d\n          text: Case management system, module %d\n", s, s > out
      if (s % 3 == 0) printf "        wait: Queue at peak hours in step %d\n", s > out
      printf "        emotion: %d\n", (s % 5) - 2 > out
    }
    close(out)
  }
}'
du -sh "$work/blueprints" | awk '{print "corpus: " $1}'

# Sanity: the corpus lints clean, so the timing measures the full pipeline, not an early exit.
"$bin" lint "$work/blueprints" | tail -1

cd "$work"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs "$runs" --export-json "$work/result.json" --command-name "blueprint lint ($files files x $steps steps)" \
    "'$bin' lint blueprints" >&2
  median="$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$work/result.json" | head -1)"
else
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$bin" lint blueprints >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  median="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
fi
printf 'median: %.3f s (target: under 1 s on 2 cores; this machine has %s cores)\n' "$median" "$(nproc)"
