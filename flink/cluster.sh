#!/usr/bin/env bash
# Runs the job on a standalone Flink session cluster on this host, made of the Flink jars the build
# copies to flink/target/lib (the ones a Flink 2.3.0 distribution ships): a job manager and a task
# manager in their own JVMs, started through the entry points bin/start-cluster.sh uses; the job
# jar is submitted with Flink's command-line client (`flink run`), then the cluster is stopped.
# For trying the cluster path where no distribution can be downloaded (docs/flink.md).
#
#   mvn -q -B package -DskipTests
#   flink/cluster.sh --input "$PWD/calendar.jsonl" --output /tmp/out --parallelism 2
#
# FLINK_REST_PORT (default 18081) and FLINK_RPC_PORT (default 16123) pick the ports, all bound to
# 127.0.0.1. The cluster's logs go to a temporary folder, named at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${VR_FLINK_BUILD:-$here/target}  # the folder of -Dvr.flink.build, if given
lib="$build/lib"
jar="$build/venue-risk-flink.jar"
[ -f "$jar" ] && [ -d "$lib" ] || { echo "no $jar or $lib: build first with mvn -q -B package -DskipTests" >&2; exit 2; }
rest=${FLINK_REST_PORT:-18081}
rpc=${FLINK_RPC_PORT:-16123}
conf=$(mktemp -d)
logs=$(mktemp -d)
cat > "$conf/config.yaml" <<EOF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $rpc
jobmanager.bind-host: 127.0.0.1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: 2
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 2560m
EOF
cat > "$conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = File
appender.file.name = File
appender.file.type = File
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
EOF
# what conf/config.yaml of the distribution gives every Flink JVM on Java 17 (env.java.opts.all)
opens="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
cp="$lib/*"
pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  echo "cluster stopped; its logs are in $logs" >&2
}
trap stop EXIT
# the JVM sizes and dynamic settings the distribution's scripts work out (bin/config.sh)
params() { # GET_JM_RESOURCE_PARAMS or GET_TM_RESOURCE_PARAMS: line 1 JVM options, line 2 settings
  java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$conf" 2>/dev/null \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}
jm=$(params GET_JM_RESOURCE_PARAMS)
tm=$(params GET_TM_RESOURCE_PARAMS)
# shellcheck disable=SC2086
java $opens $(sed -n 1p <<<"$jm") -Dlog.file="$logs/jobmanager.log" -Dlog4j.configurationFile="$conf/log4j.properties" \
  -cp "$cp" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
  --configDir "$conf" $(sed -n 2p <<<"$jm") > "$logs/jobmanager.out" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
java $opens $(sed -n 1p <<<"$tm") -Dlog.file="$logs/taskmanager.log" -Dlog4j.configurationFile="$conf/log4j.properties" \
  -cp "$cp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
  --configDir "$conf" $(sed -n 2p <<<"$tm") > "$logs/taskmanager.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$rest/overview" 2>/dev/null | grep -q '"taskmanagers":[1-9]'; then
    break
  fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$rest/overview" | grep -q '"taskmanagers":[1-9]' || {
  echo "the cluster did not start; see $logs" >&2; exit 1; }
echo "session cluster up: http://127.0.0.1:$rest/overview" >&2
# shellcheck disable=SC2086
FLINK_CONF_DIR="$conf" java $opens -Dlog.file="$logs/client.log" -Dlog4j.configurationFile="$conf/log4j.properties" \
  -cp "$cp" org.apache.flink.client.cli.CliFrontend run "$jar" "$@"
