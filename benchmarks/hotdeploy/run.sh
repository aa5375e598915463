#!/usr/bin/env bash
# The window of unavailability of a module updated in place under a steady load.
#
#   benchmarks/hotdeploy/run.sh [updates] [rate]     (default 5 updates at 200 requests/s; needs `mvn install`)
#
# Unpacks a fresh hub (profile all, demo data), makes fairs' next version (one more migration) as a KAR with
# next-version.sh, then runs [updates] times: 25 s of SteadyLoad (half stall applications to fairs, half reads
# of jobfairs), with the update 8 s in — the first by dropping the KAR into deploy/, the next ones by
# hub:update alternately back to the shipped version and forward again. Before the updates, one run without
# any update gives the baseline of the same machine in the same session (after an unmeasured
# warm-up run of the same length). Prints each run's line and the
# median window (first to last non-2xx answer) and median count of affected requests.
set -euo pipefail
cd "$(dirname "$0")/../.."
UPDATES="${1:-5}"
RATE="${2:-200}"
WORK=$(mktemp -d /tmp/unionhub-hotdeploy.XXXX)
trap 'pkill -f "karaf.base=$WORK" 2>/dev/null || true' EXIT
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

tar xzf distribution/target/unionhub-distribution-*.tar.gz -C "$WORK"
HUB=$(ls -d "$WORK"/unionhub-distribution-*/)
HUB=${HUB%/}
HTTP=$(free_port); SSH=$(free_port)
"$HUB/bin/setup" --demo --profile all >/dev/null
echo "org.osgi.service.http.port = $HTTP" > "$HUB/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $SSH/" "$HUB/etc/org.apache.karaf.shell.cfg"
printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$HUB/etc/org.apache.karaf.management.cfg"
PASS=$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
echo "bench = $PASS,_g_:admingroup" >> "$HUB/etc/users.properties"   # shell access for hub:update, this copy only
mkdir -p "$HUB/data/log"
KARAF_REDIRECT="$HUB/data/log/karaf.out" "$HUB/bin/start"
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$HTTP/api/health" | grep -q '"fairs":{"state":"ACTIVE"' && break
  sleep 1
done
sleep 10
shell() { echo "$1" | "$HUB/bin/client" -a "$SSH" -u bench -p "$PASS" -b 2>&1; }
SHIPPED=$(curl -sf -u admin:admin "http://localhost:$HTTP/api/modules" | grep -o '"id":"fairs"[^}]*"version":"[^"]*"' | sed 's/.*"version":"//;s/"$//')

# the next version after the shipped one (0.2.0.SNAPSHOT → 0.2.1): only a newer version is an update in place;
# the migration takes a number far above the module's own, as HotUpdateIT's does
NEXT=$(echo "$SHIPPED" | awk -F. '{print $1 "." $2 "." $3 + 1}')
printf -- "-- a note on each fair\nALTER TABLE FAIRS_FAIR ADD COLUMN NOTE VARCHAR(200) DEFAULT '' NOT NULL;\n" > "$WORK/V90__fairs_note.sql"
benchmarks/hotdeploy/next-version.sh "$HUB" fairs "$NEXT" "$WORK/V90__fairs_note.sql" > "$WORK/fairs-$NEXT.kar"

load() { # $1: label; the update runs 8 s into the load
  java benchmarks/hotdeploy/SteadyLoad.java --url "http://localhost:$HTTP" --rate "$RATE" --seconds 25 \
    --ids "$WORK/ids-$1.txt" 2> "$WORK/errors-$1.txt" | sed "s/^/$1 /"
}

load warmup > /dev/null   # JIT and pools warm: the first 25 s of a fresh hub are slower than any update
load baseline | tee "$WORK/baseline.txt"
for i in $(seq 1 "$UPDATES"); do
  if [ "$i" = 1 ]; then
    (sleep 8; cp "$WORK/fairs-$NEXT.kar" "$HUB/deploy/") &
  elif [ $((i % 2)) = 0 ]; then
    (sleep 8; shell "hub:update fairs $SHIPPED" >/dev/null) &
  else
    (sleep 8; shell "hub:update fairs $NEXT" >/dev/null) &
  fi
  load "update-$i" | tee -a "$WORK/updates.txt"
  wait
  sleep 5
done
"$HUB/bin/stop" >/dev/null 2>&1 || true

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
win=$(grep -o 'window_ms=[0-9]*' "$WORK/updates.txt" | cut -d= -f2 | median)
aff=$(grep -o 'affected=[0-9]*' "$WORK/updates.txt" | cut -d= -f2 | median)
other=$(grep -o 'other=[0-9]*' "$WORK/updates.txt" | cut -d= -f2 | paste -sd+ | bc)
echo "median of $UPDATES updates at $RATE req/s: window ${win} ms, affected ${aff} requests; non-503 failures in all updates: ${other}"
umax=$(grep -o 'updated_max_ms=[0-9]*' "$WORK/updates.txt" | cut -d= -f2 | sort -n | tail -1)
base99=$(grep -o 'other_p99_ms=[0-9]*' "$WORK/baseline.txt" | cut -d= -f2)
p99=$(grep -o 'other_p99_ms=[0-9]*' "$WORK/updates.txt" | cut -d= -f2 | sort -n | tail -1)
bmax=$(grep -o 'updated_max_ms=[0-9]*' "$WORK/baseline.txt" | cut -d= -f2)
echo "longest request to the updated module: baseline ${bmax} ms, all updates ${umax} ms; other module p99: baseline ${base99} ms, worst update ${p99} ms"
echo "(errors per run in $WORK/errors-*.txt)"
trap - EXIT
