#!/usr/bin/env bash
# A province-sized hub: generate the data set, then measure every list and lookup of issue 18 with 16 clients,
# the streaming exports, and resident memory (idle empty hub, idle after the load) — all in one run.
#
#   benchmarks/scale/run.sh [scale] [port]   scale 1.0 = 1,000,000 members (default); needs `mvn install` first
#   REUSE=<MB> benchmarks/scale/run.sh        measure again on the last generated data set with the current build
#   ONLY=enrolments,bookings …                only the benchmark rows whose label contains one of these
#   CLIENTS=1 REQUESTS=200 …                  one client instead of 16: each request's own cost, without queueing for the cores
#   WRK=1 [PAUSE_MS=n] …                      the rows sent by wrk instead of Bench's Java clients (see wrk_rows)
#
# 1. unpacks a fresh hub (bin/setup --demo --profile all), starts it, waits for every module, idles 90 s and
#    reads its RSS ("empty hub"; 90 s, as after the load, so that both follow a trim of the native heap);
# 2. stops it and runs Generate.java against its Derby database (the hub's own key file seals the ID numbers);
# 3. starts it again, runs Bench.java (16 clients), downloads both exports (model-worker records, the members
#    of a city), idles 90 s and reads the RSS again.
set -euo pipefail
cd "$(dirname "$0")"
SCALE="${1:-1.0}"
PORT="${2:-8581}"
ROOT=$(cd ../.. && pwd)
WORK="$PWD/target/run"
DERBY=$(ls "${M2_REPO:-$HOME/.m2/repository}"/org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
rss_mb() { echo $(( $(ps -o rss= -p "$(pgrep -f "karaf.base=$HOME_DIR" | head -1)") / 1024 )); }
up() { for _ in $(seq 1 600); do
         [ "$(curl -sf "http://localhost:$PORT/api/health" 2>/dev/null | grep -o '"state":"ACTIVE"' | wc -l)" -ge 5 ] && return 0
         sleep 1; done; echo "hub did not come up" >&2; return 1; }
# WRK=1: the same rows sent by wrk (wrk.lua) instead of Bench's Java clients, which cost the shared cores as much as
# the hub; WRK_SECONDS (15) a row after 5 s of every row, WRK_CONNECTIONS (16), PAUSE_MS (0) as in wrk.lua
source ../wrk-figures.sh
wrk_rows() {
  command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; return 1; }
  rm -rf "$WORK/paths"
  java -Dmembers="$MEMBERS" -Dpaths="$WORK/paths" ${ONLY:+-Donly="$ONLY"} -cp "$WORK/classes" Bench "http://localhost:$PORT"
  local conns=${WRK_CONNECTIONS:-16} b50="" b99=""
  echo "| lookup (wrk -t2 -c$conns, ${WRK_SECONDS:-15} s${PAUSE_MS:+, a pause of $PAUSE_MS ms after each answer}) | requests/s | p50 ms | p99 ms | p50 / baseline | p99 / baseline | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  # every row once before any is measured: the first rows of a freshly started hub would otherwise meet a cold JIT
  for f in "$WORK"/paths/*.paths; do
    wrk -t2 -c"$conns" -d5s -s wrk.lua "http://localhost:$PORT" -- "$f" >/dev/null
  done
  for f in "$WORK"/paths/*.paths; do
    local out rps p50 p99 bad
    out=$(wrk -t2 -c"$conns" -d"${WRK_SECONDS:-15}s" --latency -s wrk.lua "http://localhost:$PORT" -- "$f")
    read -r rps p50 p99 bad < <(wrk_figures <<<"$out")
    rps=${rps%.*}
    [ -z "$b50" ] && { b50=$p50; b99=$p99; }
    echo "| $(head -1 "$f") | $rps | $p50 | $p99 | $(python3 -c "print(round($p50/$b50,1))") | $(python3 -c "print(round($p99/$b99,1))") | $bad |"
  done
}
stop() { "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true; while pgrep -f "karaf.base=$HOME_DIR" >/dev/null; do sleep 1; done; }

if [ -n "${REUSE:-}" ]; then
  # measure again on the data set of the previous run, with the hub's bundles of the current build
  # (REUSE=<empty hub's idle RSS in MB from that run>)
  HOME_DIR=$(ls -d "$WORK"/unionhub-distribution-*)
  trap stop EXIT
  tar xzf "$ROOT"/distribution/target/unionhub-distribution-*.tar.gz -C "$WORK/classes" --wildcards '*/system/org/unionhub/*'
  cp -r "$WORK"/classes/unionhub-distribution-*/system/org/unionhub/. "$HOME_DIR/system/org/unionhub/"
  tar xzf "$ROOT"/distribution/target/unionhub-distribution-*.tar.gz -C "$WORK/classes" --wildcards '*/bin/setenv'
  cp "$WORK"/classes/unionhub-distribution-*/bin/setenv "$HOME_DIR/bin/setenv"   # the JVM's flags of this build too
  rm -rf "$HOME_DIR/data/cache" "$WORK"/classes/unionhub-distribution-*
  javac -d "$WORK/classes" Generate.java Bench.java
  EMPTY=$REUSE
  # the data set's own size: Bench picks member ids up to it (a smaller set gave 404s counted as errors)
  SCALE=$(cat "$WORK/scale" 2>/dev/null || echo "$SCALE")
  echo "idle RSS, empty (demo) hub, from the previous run: $EMPTY MB; data set of scale $SCALE"
else
rm -rf "$WORK" && mkdir -p "$WORK/classes"
tar xzf "$ROOT"/distribution/target/unionhub-distribution-*.tar.gz -C "$WORK"
HOME_DIR=$(ls -d "$WORK"/unionhub-distribution-*)
trap stop EXIT
"$HOME_DIR/bin/setup" --demo --profile all >/dev/null
echo "org.osgi.service.http.port = $PORT" > "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$HOME_DIR/etc/org.apache.karaf.shell.cfg"
printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$HOME_DIR/etc/org.apache.karaf.management.cfg"
javac -d "$WORK/classes" Generate.java Bench.java

# idle as long as after the load (90 s): the JVM trims its native heap once a minute (bin/setenv)
"$HOME_DIR/bin/start"; up; sleep 90
EMPTY=$(rss_mb)
echo "idle RSS, empty (demo) hub: $EMPTY MB"
stop

T0=$(date +%s)
java -cp "$WORK/classes:$DERBY" Generate "$HOME_DIR" "$SCALE"
echo "$SCALE" > "$WORK/scale"
echo "generated in $(( $(date +%s) - T0 )) s (scale $SCALE)"
fi

"$HOME_DIR/bin/start"; up
MEMBERS=$(python3 -c "print(int(1000000*$SCALE))")
if [ -n "${WRK:-}" ]; then
  wrk_rows
else
java -Dmembers="$MEMBERS" ${CLIENTS:+-Dclients="$CLIENTS"} ${ONLY:+-Donly="$ONLY"} -cp "$WORK/classes" Bench "http://localhost:$PORT" "${REQUESTS:-50}" \
  || echo "Bench ended early; the exports and memory follow"
fi

A="admin:admin"
CITY=$(curl -s -u $A "http://localhost:$PORT/api/orgs?name=%E5%9F%BA%E5%87%86%E5%B8%821%E6%80%BB&limit=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
for what in "model-worker records|/api/model-workers/records/export" "members of a city|/api/members/export?orgId=$CITY" \
            "all members|/api/members/export"; do
  label=${what%%|*}; path=${what#*|}
  out=$(curl -s -u $A -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "http://localhost:$PORT$path" || true)
  echo "export $label: HTTP ${out%% *}, $(echo "$out" | cut -d' ' -f2) bytes in $(echo "$out" | cut -d' ' -f3) s, RSS now $(rss_mb) MB"
done
HEAP=$(jcmd "$(pgrep -f "karaf.base=$HOME_DIR" | head -1)" GC.heap_info 2>/dev/null | grep -iE "heap|generation" | tr -s ' ' | paste -sd';' || true)
echo "heap after the exports: $HEAP"
sleep 90
LOADED=$(rss_mb)
echo "idle RSS after the load: $LOADED MB = $(python3 -c "print(round($LOADED/$EMPTY, 2))") x the empty hub's $EMPTY MB"
