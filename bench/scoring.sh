#!/usr/bin/env bash
# Rules-and-scoring benchmark (docs/benchmarks.md, "Rules and scoring"): the CPU time and the rule
# firings per event of scoring alone (io.venuerisk.bench.ScoringThroughput: rules, risk model and
# uncertainty band, no reading, peers or report), for one or more builds, interleaved in one run of
# this script so that their ratio does not depend on the machine's load at different times.
#
#   mvn -q -B -Dvr.build=target-batch package -DskipTests   # this build: jar and test classes
#   bench/scoring.sh target-batch [OTHER_BUILD ...]          # each folder holds a venue-risk.jar
#
# The benchmark classes come from the first build's test-classes and drive every build's jar, so
# each build runs the same driver (Engine, RuleBase.shipped, ScenarioJson.readLine: the same API
# in each). Calendars (io.venuerisk.bench.CalendarGenerator, the sparse kind of bench/batch.sh):
#   default  the generator's usual events: 4 of the 8 yes/no fields stated, 4 unknown
#   stated   the same events with all 8 stated (the 4 as no, what an unknown one is scored with):
#            the same results and no uncertainty band to compute
#   unknown  the same events with all 8 unknown
# EVENTS (default 20000) events of each, in sessions of CHUNK (32) events, ROUNDS (3) rounds per
# JVM (the first includes JIT compilation; the last is reported), REPEAT (3) JVMs per build and
# calendar, interleaved; the table gives the median of the repeats. JDK of JAVA_HOME, else java on
# the PATH. Not part of `mvn verify`.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
builds=("$@")
events=${EVENTS:-20000}
chunk=${CHUNK:-32}
rounds=${ROUNDS:-3}
repeat=${REPEAT:-3}
kinds=${CALENDARS:-default stated unknown}
work=${BENCH_DIR:-/tmp/venue-risk-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
classes="${builds[0]}/test-classes"
for b in "${builds[@]}"; do
  [ -f "$b/venue-risk.jar" ] || { echo "no $b/venue-risk.jar: build it first" >&2; exit 2; }
done
[ -d "$classes" ] || { echo "no $classes: build the first with -DskipTests, not -Dmaven.test.skip" >&2; exit 2; }
mkdir -p "$work"

for kind in $kinds; do
  flag=; [ "$kind" = default ] || flag=--flags-$kind
  file="$work/scoring-$kind-$events.jsonl"
  [ -f "$file" ] || "$java" -cp "$classes:${builds[0]}/venue-risk.jar" \
    io.venuerisk.bench.CalendarGenerator "$events" "$file" $flag
done

echo "# $("$java" -version 2>&1 | head -1); $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
results="$work/scoring-results.txt"
: > "$results"
for r in $(seq "$repeat"); do
  for kind in $kinds; do
    for b in "${builds[@]}"; do
      line=$("$java" -Xmx512m -Drounds="$rounds" -cp "$classes:$b/venue-risk.jar" \
        io.venuerisk.bench.ScoringThroughput "$work/scoring-$kind-$events.jsonl" "$events" "$chunk" \
        2>/dev/null | tail -1)
      echo "$b $kind $line" | tee -a "$results"
    done
  done
done
echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"

# median over the repeats of CPU per event and firings per event, per build and calendar
field() { # build, calendar, the word after the value: the median of that value over the repeats
  awk -v b="$1" -v k="$2" -v w="$3" '$1 == b && $2 == k { for (i = 2; i <= NF; i++) if ($i == w) print $(i - 1) }' \
    "$results" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
printf '\n%-28s %-8s %18s %18s\n' build calendar "us CPU per event" "firings per event"
for kind in $kinds; do
  for b in "${builds[@]}"; do
    printf '%-28s %-8s %18s %18s\n' "$b" "$kind" "$(field "$b" "$kind" us)" "$(field "$b" "$kind" firings/event)"
  done
done
