#!/usr/bin/env bash
# Load benchmark of `venue-risk serve` (docs/benchmarks.md, "serve"): starts the server on a free
# loopback port, runs io.venuerisk.bench.ServeLoad against it (32 clients; healthz and assess
# rounds alternated; 1,000 idle connections; a one-byte-a-second body; memory over many requests),
# then stops it with SIGTERM and checks it exits 0.
# Usage: bench/serve.sh [SECONDS_PER_ROUND] [ROUNDS] [MEMORY_REQUESTS]
# (build first: mvn -q package -DskipTests; run on an otherwise idle machine: check `uptime`)
# The JDK of JAVA_HOME runs the server and the load client (else java on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=target/venue-risk.jar
[ -f "$jar" ] && [ -d target/test-classes/io/venuerisk/bench ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
echo "load: $(uptime | sed 's/.*load average/load average/')"
"$java" ${SERVE_JAVA_OPTS:--Xmx512m} -jar "$jar" serve --port 0 --body-timeout "${BODY_TIMEOUT:-10}" >"$out" 2>"$err" &
pid=$!
for _ in $(seq 120); do grep -q "^http://" "$out" && break; sleep 0.5; done
url=$(grep -m1 "^http://" "$out" || true)
[ -n "$url" ] || { cat "$err" >&2; kill "$pid"; exit 1; }
echo "server $url pid $pid (java $("$java" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), ${SERVE_JAVA_OPTS:--Xmx512m})"
"$java" -cp target/test-classes:"$jar" io.venuerisk.bench.ServeLoad "$url" "$pid" "${1:-10}" "${2:-3}" "${3:-100000}"
kill -TERM "$pid"
set +e
wait "$pid"
echo "SIGTERM: exit code $?"
