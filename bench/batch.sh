#!/usr/bin/env bash
# Batch benchmark (docs/benchmarks.md, "## Batch"): events per second at 10k, 100k and 1M generated
# events, the ratio of batch wall time to the I/O floor (Jackson reads the same JSON Lines and
# writes one CSV row per record, no rules) measured in the same run, peak RSS, and the largest heap
# left live after a garbage collection (what the batch really holds, whatever the JVM's sizing).
#
#   mvn -q -B -Dvr.build=target-batch package -DskipTests   # jar and test classes
#   bench/batch.sh [BUILD_DIR] [SIZES...]                      # default: target-batch 10000 100000 1000000
#
# Not part of `mvn verify`: the 1M run takes minutes. Timings vary with machine load; run it on
# an otherwise idle machine and record the figures with the date. Both runs get -Xmx512m.
set -euo pipefail
build=${1:-target-batch}
shift || true
sizes=${*:-10000 100000 1000000}
jar="$build/venue-risk.jar"
cp="$build/test-classes:$jar"
work=${BENCH_DIR:-/tmp/venue-risk-bench}
mkdir -p "$work"
[ -f "$jar" ] || { echo "no $jar: build it first (see the header of this script)" >&2; exit 2; }

measure() { # label, command...: prints "wall_s max_rss_kb"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/$label.err" || {
    echo "$label failed:" >&2; cat "$work/$label.err" >&2; exit 1; }
  cat "$work/time.txt"
}

live_mb() { # the largest heap occupancy after a collection, from a -Xlog:gc file
  sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$1" | sort -n | tail -1
}

printf '%-9s %9s %9s %12s %7s %13s %13s %13s\n' \
  events floor_s batch_s events_per_s ratio floor_rss_mb batch_rss_mb batch_live_mb
for n in $sizes; do
  cal="$work/calendar-$n.jsonl"
  [ -f "$cal" ] || java -cp "$cp" io.venuerisk.bench.CalendarGenerator "$n" "$cal"
  read -r fw frss < <(measure "floor-$n" java -Xmx512m -cp "$cp" io.venuerisk.bench.IoFloor "$cal" "$work/floor-$n.csv")
  read -r bw brss < <(measure "batch-$n" java -Xmx512m "-Xlog:gc:file=$work/gc-$n.log" -jar "$jar" \
    batch "$cal" --format csv --quiet --out "$work/batch-$n.csv")
  live=$(live_mb "$work/gc-$n.log")
  awk -v n="$n" -v fw="$fw" -v bw="$bw" -v fr="$frss" -v br="$brss" -v live="${live:-0}" 'BEGIN {
    printf "%-9d %9.2f %9.2f %12.0f %7.2f %13.0f %13.0f %13d\n", n, fw, bw, n / bw, bw / fw, fr / 1024, br / 1024, live }'
done
