#!/usr/bin/env bash
# Cold-start benchmark: what a planner waits for, one `assess` of a shipped scenario, against
# `java -jar target/venue-risk.jar --version` on JDK 25 measured in the same run. The commands run
# interleaved, round by round, so that machine noise hits them alike; the table gives medians and
# ratios from this run only. The same commands run on JDK 17, and `explain`, `plan` and a small
# `batch` on JDK 25, with and without bin/venue-risk. Outputs of bin/venue-risk and plain
# `java -jar` are compared byte for byte (cmp) on both JDKs.
#
# Usage: bench/startup.sh [ROUNDS]          (build first: mvn -q package -DskipTests)
# JAVA25 and JAVA17 name the java binaries; by default the Temurin 25 under /usr/lib/jvm and the
# java on the PATH if it is a 17 (else a 17 under /usr/lib/jvm). A missing JDK drops its rows.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
jar=target/venue-risk.jar
scenario=scenarios/christmas-market-cologne-2026.json
calendar=scenarios/calendars/euro-2024.csv
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }

major() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
find_jdk() { # find_jdk MAJOR CANDIDATE...: the first candidate java of that major version
  local want=$1 j
  shift
  for j in "$@"; do
    if [ -x "$j" ] && [ "$(major "$j")" = "$want" ]; then echo "$j"; return; fi
  done
}
java25=${JAVA25:-$(find_jdk 25 /usr/lib/jvm/temurin-25*/bin/java)}
java17=${JAVA17:-$(find_jdk 17 "$(command -v java || true)" /usr/lib/jvm/*17*/bin/java)}
[ -n "$java25" ] || echo "no JDK 25 found (set JAVA25): its rows, the reference, are missing" >&2
[ -n "$java17" ] || echo "no JDK 17 found (set JAVA17): its rows are missing" >&2
[ -n "$java25" ] || [ -n "$java17" ] || exit 2

# label|command, in the order they run within a round; the first is the reference
rows=()
if [ -n "$java25" ]; then
  rows+=("JDK 25  java -jar venue-risk.jar --version|$java25 -jar $jar --version"
         "JDK 25  java -jar venue-risk.jar assess SCENARIO|$java25 -jar $jar assess $scenario"
         "JDK 25  bin/venue-risk assess SCENARIO|JAVA=$java25 bin/venue-risk assess $scenario"
         "JDK 25  bin/venue-risk --version|JAVA=$java25 bin/venue-risk --version")
fi
if [ -n "$java17" ]; then
  rows+=("JDK 17  java -jar venue-risk.jar --version|$java17 -jar $jar --version"
         "JDK 17  java -jar venue-risk.jar assess SCENARIO|$java17 -jar $jar assess $scenario"
         "JDK 17  bin/venue-risk assess SCENARIO|JAVA=$java17 bin/venue-risk assess $scenario")
fi
if [ -n "$java25" ]; then
  for c in "explain $scenario" "plan $scenario" "batch $calendar --quiet"; do
    rows+=("JDK 25  java -jar venue-risk.jar ${c%% *}|$java25 -jar $jar $c"
           "JDK 25  bin/venue-risk ${c%% *}|JAVA=$java25 bin/venue-risk $c")
  done
fi

# the launchers train their caches outside the timed runs
[ -z "$java25" ] || JAVA=$java25 bin/venue-risk --version >/dev/null
[ -z "$java17" ] || JAVA=$java17 bin/venue-risk --version >/dev/null

ms() { # wall time of a command line in milliseconds, its output discarded
  local t0 t1
  t0=$(date +%s%N)
  env $1 >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < ${#rows[@]}; k++)); do
    times[$k]+="$(ms "${rows[$k]#*|}") "
  done
done

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
echo "rounds=$rounds cores=$(nproc) load average at the end: $load"
[ -z "$java25" ] || echo "JDK 25: $java25 ($("$java25" -version 2>&1 | sed -n 2p))"
[ -z "$java17" ] || echo "JDK 17: $java17 ($("$java17" -version 2>&1 | sed -n 2p))"
echo
printf '| %-50s | %8s | %s |\n' command median "x reference"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..52})" "----------" "-------------"
ref=
for ((k = 0; k < ${#rows[@]}; k++)); do
  m=$(tr ' ' '\n' <<<"${times[$k]}" | grep . | median)
  [ -n "$ref" ] || ref=$m
  printf '| %-50s | %5s ms | %11s |\n' "${rows[$k]%%|*}" "$m" \
    "$(awk -v a="$m" -v b="$ref" 'BEGIN{printf "%.2f", a/b}')"
done
echo
echo "reference: the first row; target: bin/venue-risk assess at most 1.25x it on JDK 25"

# same bytes and exit code from bin/venue-risk as from plain java -jar
same=0
for j in "$java25" "$java17"; do
  [ -n "$j" ] || continue
  for c in "assess $scenario" "explain $scenario" "plan $scenario"; do
    # shellcheck disable=SC2086
    "$j" -jar "$jar" $c >/tmp/venue-risk-plain.$$ 2>&1 || true
    # shellcheck disable=SC2086
    JAVA=$j bin/venue-risk $c >/tmp/venue-risk-launcher.$$ 2>&1 || true
    if cmp -s /tmp/venue-risk-plain.$$ /tmp/venue-risk-launcher.$$; then
      echo "cmp: identical  JDK $(major "$j")  $c"
    else
      echo "cmp: DIFFERENT  JDK $(major "$j")  $c"
      same=1
    fi
  done
done
rm -f /tmp/venue-risk-plain.$$ /tmp/venue-risk-launcher.$$
exit $same
