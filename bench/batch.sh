#!/usr/bin/env bash
# Batch benchmark (docs/benchmarks.md, "Batch"). For each calendar kind and size, in one run of
# this script: the I/O floor (Jackson reads the same JSON Lines and writes one CSV row per record,
# no rules), then `batch` JSON Lines -> CSV; wall time, their ratio, peak RSS, the largest heap
# left live after a garbage collection, rule firings per event (from batch's summary line) and the
# CPU time of each group of the batch's threads (read from /proc until the JVM exits).
#
#   mvn -q -B -Dvr.build=target-batch package -DskipTests   # jar and test classes
#   bench/batch.sh [BUILD_DIR] [SIZES...]                      # default: target-batch 100000 1000000
#
# Calendars (CALENDARS="sparse dense" by default; io.venuerisk.bench.CalendarGenerator):
#   sparse  date order, 1.25 events per city and day (200 cities)
#   dense   no particular order, 50 events per city and day (20 cities)
# Both runs get -Xmx512m and the JDK of JAVA_HOME (else java on the PATH); BENCH_DIR (default
# /tmp/venue-risk-bench) holds the calendars, reports and logs. With KEEP_REPORTS=1 the reports
# stay for `cmp` against another build's. Not part of `mvn verify`: the 1M runs take minutes;
# timings vary with machine load, so compare ratios from one run.
set -euo pipefail
build=${1:-target-batch}
shift || true
sizes=${*:-100000 1000000}
kinds=${CALENDARS:-sparse dense}
jar="$build/venue-risk.jar"
cp="$build/test-classes:$jar"
work=${BENCH_DIR:-/tmp/venue-risk-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$work"
[ -f "$jar" ] || { echo "no $jar: build it first (see the header of this script)" >&2; exit 2; }
[ -r /proc/self/stat ] || { echo "bench/batch.sh reads /proc: Linux only" >&2; exit 2; }
tick=$(getconf CLK_TCK)

measure() { # label, command...: prints "wall_s max_rss_kb", samples thread CPU into $work/label.cpu
  local label=$1; shift
  : > "$work/$label.cpu"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/$label.err" &
  local timer=$! pid=
  while kill -0 "$timer" 2>/dev/null; do
    [ -n "$pid" ] || pid=$(pgrep -P "$timer" | head -1 || true)
    # tid, thread name and utime+stime in ticks; the name is in parentheses and may hold spaces
    [ -n "$pid" ] && cat /proc/"$pid"/task/*/stat 2>/dev/null \
      | sed -n 's/^\([0-9]*\) (\(.*\)) [A-Za-z] \(.*\)$/\1|\2|\3/p' \
      | awk -F'|' '{ split($3, f, " "); print $1 "|" $2 "|" f[11] + f[12] }' >> "$work/$label.cpu"
    sleep 0.2
  done
  wait "$timer" || { echo "$label failed:" >&2; cat "$work/$label.err" >&2; exit 1; }
  cat "$work/time.txt"
}

cpu_groups() { # a .cpu file: CPU seconds per thread group, each thread at its last sample
  awk -F'|' -v tick="$tick" '
    { ticks[$1] = $3; name[$1] = $2 }
    END {
      for (t in ticks) {
        n = name[t]
        if (n ~ /^venue-risk-scor/) g = "scoring"
        else if (n ~ /^venue-risk-rule/) g = "rules"
        else if (n == "java" || n == "main") g = "reading"
        else if (n ~ /^C2 /) g = "C2-JIT"
        else if (n ~ /^C1 /) g = "C1-JIT"
        else if (n ~ /^(GC |G1 )/) g = "GC"
        else g = "other"
        cpu[g] += ticks[t] / tick; all += ticks[t] / tick
      }
      printf "total %.1f s:", all
      split("reading scoring rules C2-JIT C1-JIT GC other", order, " ")
      for (i = 1; i <= 7; i++) if (cpu[order[i]] > 0) printf " %s %.1f", order[i], cpu[order[i]]
      printf "\n"
    }' "$1"
}

live_mb() { # the largest heap occupancy after a collection, from a -Xlog:gc file
  sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$1" | sort -n | tail -1
}

echo "# $("$java" -version 2>&1 | head -1); $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %-9s %9s %9s %12s %7s %9s %9s %8s %9s\n' \
  kind events floor_s batch_s events_per_s ratio floor_mb batch_mb live_mb firings
for kind in $kinds; do
  flag=; [ "$kind" = dense ] && flag=--dense
  for n in $sizes; do
    cal="$work/$kind-$n.jsonl"
    [ -f "$cal" ] || "$java" -cp "$cp" io.venuerisk.bench.CalendarGenerator "$n" "$cal" $flag
    read -r fw frss < <(measure "floor-$kind-$n" "$java" -Xmx512m -cp "$cp" io.venuerisk.bench.IoFloor "$cal" "$work/floor-$kind-$n.csv")
    read -r bw brss < <(measure "batch-$kind-$n" "$java" -Xmx512m "-Xlog:gc:file=$work/gc-$kind-$n.log" -jar "$jar" \
      batch "$cal" --format csv --quiet --out "$work/batch-$kind-$n.csv")
    live=$(live_mb "$work/gc-$kind-$n.log")
    firings=$(sed -n 's/.*, \([0-9.]*\) rule firings per event.*/\1/p' "$work/batch-$kind-$n.err")
    awk -v k="$kind" -v n="$n" -v fw="$fw" -v bw="$bw" -v fr="$frss" -v br="$brss" -v live="${live:-0}" \
      -v fi="${firings:-?}" 'BEGIN {
      printf "%-7s %-9d %9.2f %9.2f %12.0f %7.2f %9.0f %9.0f %8d %9s\n", k, n, fw, bw, n / bw, bw / fw, fr / 1024, br / 1024, live, fi }'
    echo "        batch CPU per thread group, $(cpu_groups "$work/batch-$kind-$n.cpu")"
    echo "$kind $n $bw $brss" >> "$work/scaling.txt.$$"
    [ "${KEEP_REPORTS:-0}" = 1 ] || rm -f "$work/floor-$kind-$n.csv"
  done
done
# time and peak RSS of each size against the smallest, per kind: linear cost, flat memory
awk '{ if (!($1 in t0)) { t0[$1] = $3; r0[$1] = $4; n0[$1] = $2 }
       else printf "%s: %d events take %.2fx the time of %d and %.2fx its peak RSS\n", $1, $2, $3 / t0[$1], n0[$1], $4 / r0[$1] }' \
  "$work/scaling.txt.$$"
rm -f "$work/scaling.txt.$$"
