#!/usr/bin/env bash
# Compile time of a rule folder with each Drools compiler: the classic compiler, which builds a
# `--rules` folder today, against the executable model, which builds the shipped rules at package
# time. Each build runs in a fresh JVM (what a user running `--rules DIR` waits for), the two
# interleaved round by round so machine noise hits them alike; medians and their ratio come from
# this run only. Then a broken folder is built both ways, to compare what each error names.
#
# Usage: bench/compile.sh [ROUNDS] [DIR]   (build first: mvn -q package -DskipTests && mvn -q test-compile)
# JAVA names the java binary (default: the Temurin 25 under /usr/lib/jvm, else java).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dir=${2:-rules}
jar=target/venue-risk.jar
[ -f "$jar" ] && [ -f target/test-classes/io/venuerisk/bench/CompilerSpike.class ] \
  || { echo "build first: mvn -q package -DskipTests && mvn -q test-compile" >&2; exit 2; }
java=${JAVA:-$(ls /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | tail -1)}
java=${java:-java}
# the executable-model compiler is a build-time tool of the project (kie-maven-plugin): resolve it
[ -f target/compile-classpath.txt ] || mvn -B -q -f bench/compile-classpath.xml \
  dependency:build-classpath -Dmdep.outputFile="$PWD/target/compile-classpath.txt" >&2
cp="$jar:target/test-classes:$(cat target/compile-classpath.txt)"
run() { "$java" -cp "$cp" io.venuerisk.bench.CompilerSpike "$1" "$2" 2>/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

classic=() executable=()
for ((i = 1; i <= rounds; i++)); do
  classic+=("$(run classic "$dir" | sed -n 's/.*build_ms=\([0-9]*\).*/\1/p')")
  executable+=("$(run executable "$dir" | sed -n 's/.*build_ms=\([0-9]*\).*/\1/p')")
done
c=$(printf '%s\n' "${classic[@]}" | median)
e=$(printf '%s\n' "${executable[@]}" | median)
rules=$(run classic "$dir" | sed -n 's/.*rules=\([0-9]*\).*/\1/p')
echo "folder $dir ($rules rules), $rounds rounds, $("$java" -version 2>&1 | head -1)"
echo "  classic compiler     median ${c} ms   (${classic[*]})"
echo "  executable model     median ${e} ms   (${executable[*]})"
awk -v c="$c" -v e="$e" 'BEGIN {printf "  executable / classic %.2f\n", e / c}'
echo "errors of src/test/resources/rules-broken:"
for kind in classic executable; do
  echo " $kind:"
  run "$kind" src/test/resources/rules-broken | sed -n 's/^  error/   /p'
done
