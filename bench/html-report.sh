#!/usr/bin/env bash
# HTML calendar report benchmark (docs/benchmarks.md, "HTML report"). For each size, in one run:
# generate a calendar (io.venuerisk.bench.CalendarGenerator, sparse kind, as bench/batch.sh), write
# its HTML report with `batch --format html`, and open it in headless Chromium until the script has
# drawn the first page of the list (--dump-dom returns after the load event, when the inline script
# has run); an empty page opened the same way is the browser's own start-up, subtracted.
#
#   mvn -q -B -Dvr.build=target-batch package -DskipTests   # jar and test classes
#   bench/html-report.sh [BUILD_DIR] [SIZES...]               # default: target-batch 10000 100000
#
# Needs /usr/bin/chromium (Debian's chromium). BENCH_DIR (default /tmp/venue-risk-bench) holds the
# calendars and reports. Timings vary with machine load: quote the figures of one run.
set -euo pipefail
build=${1:-target-batch}
shift || true
sizes=${*:-10000 100000}
jar="$build/venue-risk.jar"
cp="$build/test-classes:$jar"
work=${BENCH_DIR:-/tmp/venue-risk-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
chromium=${CHROMIUM:-/usr/bin/chromium}
mkdir -p "$work"
[ -f "$jar" ] || { echo "no $jar: build it first (see the header of this script)" >&2; exit 2; }
[ -x "$chromium" ] || { echo "no $chromium: apt-get install chromium" >&2; exit 2; }

render() { # file: wall seconds of a headless Chromium that loads it and prints the DOM
  local start end
  start=$(date +%s.%N)
  "$chromium" --headless --no-sandbox --disable-gpu --dump-dom "file://$1" > "$work/dom.html" 2>/dev/null
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

echo "# $("$java" -version 2>&1 | head -1); $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo '<!DOCTYPE html><title>empty</title>' > "$work/empty.html"
empty=$(render "$work/empty.html")
echo "browser start-up (empty page): $empty s"
printf '%-9s %12s %14s %10s %10s %s\n' events html_bytes bytes_per_event batch_s render_s first_page
for n in $sizes; do
  cal="$work/sparse-$n.jsonl"
  [ -f "$cal" ] || "$java" -cp "$cp" io.venuerisk.bench.CalendarGenerator "$n" "$cal"
  out="$work/report-$n.html"
  start=$(date +%s.%N)
  "$java" -Xmx512m -jar "$jar" batch "$cal" --format html --quiet --out "$out" 2> "$work/report-$n.err"
  end=$(date +%s.%N)
  bytes=$(stat -c %s "$out")
  wall=$(render "$out")
  shown=$(grep -o "<tr><td class=\"num\">" "$work/dom.html" | wc -l)
  echo "$n $bytes $start $end $wall $empty $shown" | awk '{
    printf "%-9d %12d %14.0f %10.2f %10.2f %d rows drawn\n", $1, $2, $2 / $1, $4 - $3, $5 - $6, $7 }'
done
