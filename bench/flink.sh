#!/usr/bin/env bash
# Flink benchmark (docs/benchmarks.md, "## Flink"): events per second of the Flink job on an
# embedded Flink at parallelism 1 and 2, against `batch` on the same generated calendar in the
# same run, and the job's fixed cost (the same job on a 10-event calendar: JVM, embedded cluster,
# rule base). Every output is checked against batch's, event by event.
#
#   mvn -q -B package -DskipTests      # target/venue-risk.jar, its test classes, flink/target/venue-risk-flink.jar
#   bench/flink.sh [EVENTS] [ROUNDS]   # default: 50000 events, 2 rounds (orders alternate)
#
# Not part of `mvn verify`. Timings vary with machine load; the ratios are what to compare. Each
# JVM gets -Xmx2g (the job holds every event in keyed state; batch needs far less).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
rounds=${2:-2}
jar=target/venue-risk.jar
fjar=flink/target/venue-risk-flink.jar
work=${BENCH_DIR:-/tmp/venue-risk-bench}
mkdir -p "$work"
for f in "$jar" "$fjar" target/test-classes; do
  [ -e "$f" ] || { echo "no $f: build first with mvn -q -B package -DskipTests" >&2; exit 2; }
done

cal="$work/calendar-$n.jsonl"
[ -f "$cal" ] || java -cp "target/test-classes:$jar" io.venuerisk.bench.CalendarGenerator "$n" "$cal"
tiny="$work/calendar-10.jsonl"
[ -f "$tiny" ] || java -cp "target/test-classes:$jar" io.venuerisk.bench.CalendarGenerator 10 "$tiny"

seconds() { # command...: wall seconds
  local s e
  s=$(date +%s.%N)
  "$@" > /dev/null 2> "$work/last.err" || { echo "failed: $*" >&2; cat "$work/last.err" >&2; exit 1; }
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }'
}

batch() { seconds java -Xmx2g -jar "$jar" batch "$1" --format jsonl --quiet --out "$work/batch.jsonl"; }
job() { # calendar, parallelism
  rm -rf "$work/flink-out"
  seconds java -Xmx2g -jar "$fjar" --input "$1" --output "$work/flink-out" --parallelism "$2"
}
same() { # the job's results are batch's, line for line (in any order)
  cat "$work"/flink-out/assessments/part-* | sort > "$work/flink.sorted"
  sort "$work/batch.jsonl" > "$work/batch.sorted"
  cmp -s "$work/flink.sorted" "$work/batch.sorted" || { echo "results differ from batch" >&2; exit 1; }
}

printf '%-6s %8s %8s %8s %8s %8s %8s\n' round batch_s p1_s p2_s fixed_p1 fixed_p2 events
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    b=$(batch "$cal"); p1=$(job "$cal" 1); same; p2=$(job "$cal" 2); same
  else
    p2=$(job "$cal" 2); same; p1=$(job "$cal" 1); same; b=$(batch "$cal")
  fi
  f1=$(job "$tiny" 1); f2=$(job "$tiny" 2)
  printf '%-6s %8s %8s %8s %8s %8s %8s\n' "$r" "$b" "$p1" "$p2" "$f1" "$f2" "$n"
  awk -v n="$n" -v b="$b" -v p1="$p1" -v p2="$p2" -v f1="$f1" -v f2="$f2" 'BEGIN {
    printf "  events/s: batch %.0f, flink p1 %.0f (%.2f of batch), p2 %.0f (%.2f of batch); after the fixed cost: p1 %.0f, p2 %.0f (p2/p1 %.2f)\n",
      n / b, n / p1, b / p1, n / p2, b / p2, n / (p1 - f1), n / (p2 - f2), (p1 - f1) / (p2 - f2) }'
done
