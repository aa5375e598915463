#!/usr/bin/env bash
# What one request costs on a demo hub under 16 concurrent clients, measured with wrk (an outside client that
# costs far less CPU than a Java one on the same cores).
#
#   benchmarks/latency/run.sh [seconds] [connections]   (default 20 s, 16 connections; needs `mvn install` and wrk)
#
# Unpacks a fresh hub (profile all, demo data), warms it up, then runs wrk -t2 on each request in turn. The first
# row, /api/health/live (no database, no sign-in), is the baseline of the same machine in the same run: each row's
# p50 and p99 are also given as a ratio to it. EXTRA_JAVA_OPTS reaches the hub (bin/setenv), e.g. to compare
# collectors: EXTRA_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" benchmarks/latency/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-20}"
CONNS="${2:-16}"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/unionhub-latency.XXXX)
trap 'pkill -f "karaf.base=$WORK" 2>/dev/null || true' EXIT
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

tar xzf distribution/target/unionhub-distribution-*.tar.gz -C "$WORK"
HUB=$(ls -d "$WORK"/unionhub-distribution-*/)
HUB=${HUB%/}
HTTP=$(free_port)
"$HUB/bin/setup" --demo --profile all >/dev/null
echo "org.osgi.service.http.port = $HTTP" > "$HUB/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$HUB/etc/org.apache.karaf.shell.cfg"
printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$HUB/etc/org.apache.karaf.management.cfg"
mkdir -p "$HUB/data/log"
KARAF_REDIRECT="$HUB/data/log/karaf.out" "$HUB/bin/start"
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$HTTP/api/health/ready" >/dev/null && break
  sleep 1
done
BASE="http://localhost:$HTTP"
OFFICER="Authorization: Basic $(printf officer:officer | base64)"
CARD=$(curl -sf -H "$OFFICER" "$BASE/api/members?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["cardNumber"])')
ID=$(curl -sf -H "$OFFICER" "$BASE/api/members?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# "label|header|path"; an empty header sends no Authorization
REQUESTS=(
  "live (baseline)||/api/health/live"
  "modules||/api/modules"
  "member by id, officer|$OFFICER|/api/members/$ID"
  "member by card, officer|$OFFICER|/api/members?cardNumber=$CARD"
  "members, first page, officer|$OFFICER|/api/members?limit=50"
)
# the JIT and the pools warm on every request first
for r in "${REQUESTS[@]}"; do
  IFS='|' read -r _ header path <<<"$r"
  wrk -t2 -c"$CONNS" -d5s ${header:+-H "$header"} "$BASE$path" >/dev/null
done

source benchmarks/wrk-figures.sh
printf '%-32s %10s %9s %9s %9s %9s %6s\n' request "req/s" "p50 ms" "p99 ms" "p50 ×" "p99 ×" non2xx
b50=""; b99=""
for r in "${REQUESTS[@]}"; do
  IFS='|' read -r label header path <<<"$r"
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency ${header:+-H "$header"} "$BASE$path")
  read -r rps p50 p99 bad < <(wrk_figures <<<"$out")
  [ -z "$b50" ] && { b50=$p50; b99=$p99; }
  printf '%-32s %10s %9s %9s %9s %9s %6s\n' "$label" "$rps" "$p50" "$p99" \
    "$(python3 -c "print(round($p50/$b50,2))")" "$(python3 -c "print(round($p99/$b99,2))")" "$bad"
done
echo "(hub: $HUB; EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:-as bin/setenv sets them}; load average $(cut -d' ' -f1-3 /proc/loadavg))"
