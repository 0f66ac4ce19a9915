#!/usr/bin/env bash
# Flink benchmark (docs/benchmarks.md, "## Flink"): events per second of the Flink job on an
# embedded Flink at parallelism 1 and 2, against `batch` on the same generated calendar in the
# same run, and the job's fixed cost (the same job on a 10-event calendar: JVM, embedded cluster,
# rule base). Wall time and CPU time (user + system of all threads: steadier than wall time on a
# shared machine). Every output is checked against batch's, event by event.
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

measure() { # command...: "wall_s cpu_s" (user + system, all threads)
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > /dev/null 2> "$work/last.err" || {
    echo "failed: $*" >&2; cat "$work/last.err" >&2; exit 1; }
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time.txt"
}

batch() { measure java -Xmx2g -jar "$jar" batch "$1" --format jsonl --quiet --out "$work/batch.jsonl"; }
job() { # calendar, parallelism
  rm -rf "$work/flink-out"
  measure java -Xmx2g -jar "$fjar" --input "$1" --output "$work/flink-out" --parallelism "$2"
}
same() { # the job's results are batch's, line for line (in any order)
  cat "$work"/flink-out/assessments/part-* | sort > "$work/flink.sorted"
  sort "$work/batch.jsonl" > "$work/batch.sorted"
  cmp -s "$work/flink.sorted" "$work/batch.sorted" || { echo "results differ from batch" >&2; exit 1; }
}

printf '%-5s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n' round batch_s cpu_s p1_s cpu_s p2_s cpu_s fix1_s cpu_s fix2_s cpu_s
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    b=$(batch "$cal"); p1=$(job "$cal" 1); same; p2=$(job "$cal" 2); same
  else
    p2=$(job "$cal" 2); same; p1=$(job "$cal" 1); same; b=$(batch "$cal")
  fi
  f1=$(job "$tiny" 1); f2=$(job "$tiny" 2)
  printf '%-5s %15s %15s %15s %15s %15s\n' "$r" "$b" "$p1" "$p2" "$f1" "$f2"
  read -r bw bc <<<"$b"; read -r w1 c1 <<<"$p1"; read -r w2 c2 <<<"$p2"; read -r fw1 fc1 <<<"$f1"; read -r fw2 fc2 <<<"$f2"
  awk -v n="$n" -v bw="$bw" -v bc="$bc" -v w1="$w1" -v c1="$c1" -v w2="$w2" -v c2="$c2" \
      -v fw1="$fw1" -v fc1="$fc1" -v fw2="$fw2" -v fc2="$fc2" 'BEGIN {
    printf "      events/s: batch %.0f; p1 %.0f (%.2f of batch); p2 %.0f (%.2f of batch); after the fixed cost p1 %.0f, p2 %.0f (p2/p1 %.2f)\n",
      n / bw, n / w1, bw / w1, n / w2, bw / w2, n / (w1 - fw1), n / (w2 - fw2), (w1 - fw1) / (w2 - fw2)
    printf "      CPU per event: batch %.0f us; p1 %.0f us (%.2fx batch); p2 %.0f us (%.2fx); after the fixed cost p1 %.0f us, p2 %.0f us\n",
      bc / n * 1e6, c1 / n * 1e6, c1 / bc, c2 / n * 1e6, c2 / bc, (c1 - fc1) / n * 1e6, (c2 - fc2) / n * 1e6 }'
done
