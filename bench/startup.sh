#!/usr/bin/env bash
# Cold-start benchmark for issue 2 point 9. Interleaves the commands round by round so that
# machine noise hits them alike, and reports medians and the ratio to `--version` measured in the
# same run. Usage: bench/startup.sh [ROUNDS]   (build first: mvn -q package -DskipTests)
# BASELINE_JAR=other.jar also times that jar's --version and assess in the same rounds, so that a
# change is compared with what it replaces under the same machine noise.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
jar=target/venue-risk.jar
scenario=scenarios/christmas-market-cologne-2026.json
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }

ms() { # run a command, print its wall time in milliseconds
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

bin/venue-risk --version >/dev/null 2>&1   # makes the AppCDS archive outside the timed runs
baseline=${BASELINE_JAR:-}
declare -a v a l bv ba
for ((i = 0; i < rounds; i++)); do
  v+=("$(ms java -jar "$jar" --version)")
  a+=("$(ms java -jar "$jar" assess "$scenario")")
  l+=("$(ms bin/venue-risk assess "$scenario")")
  if [ -n "$baseline" ]; then
    bv+=("$(ms java -jar "$baseline" --version)")
    ba+=("$(ms java -jar "$baseline" assess "$scenario")")
  fi
done
mv=$(printf '%s\n' "${v[@]}" | median)
ma=$(printf '%s\n' "${a[@]}" | median)
ml=$(printf '%s\n' "${l[@]}" | median)
builds=()
firsts=()
for ((i = 0; i < 5; i++)); do
  out=$(java -cp "$jar:target/test-classes" io.venuerisk.bench.RuleBaseBuildTime)
  builds+=("$(sed -E 's/.*build_ms=([0-9.]+).*/\1/' <<<"$out")")
  firsts+=("$(sed -E 's/.*first_session_ms=([0-9.]+).*/\1/' <<<"$out")")
done
mb=$(printf '%s\n' "${builds[@]}" | median)
mf=$(printf '%s\n' "${firsts[@]}" | median)
cores=$(nproc)
echo "rounds=$rounds cores=$cores java=$(java -version 2>&1 | head -1)"
echo "java -jar venue-risk.jar --version          median ${mv} ms"
echo "java -jar venue-risk.jar assess SCENARIO    median ${ma} ms   ratio $(awk -v a="$ma" -v b="$mv" 'BEGIN{printf "%.2f", a/b}')x"
echo "bin/venue-risk assess SCENARIO (AppCDS)     median ${ml} ms   ratio $(awk -v a="$ml" -v b="$mv" 'BEGIN{printf "%.2f", a/b}')x"
if [ -n "$baseline" ]; then
  mbv=$(printf '%s\n' "${bv[@]}" | median)
  mba=$(printf '%s\n' "${ba[@]}" | median)
  echo "baseline $baseline --version                median ${mbv} ms"
  echo "baseline $baseline assess SCENARIO          median ${mba} ms   ratio $(awk -v a="$mba" -v b="$mbv" 'BEGIN{printf "%.2f", a/b}')x"
fi
echo "rule-base build alone (executable model)    median ${mb} ms; first session ${mf} ms"
