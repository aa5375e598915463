#!/usr/bin/env bash
# Cold start and idle memory of UnionHub beside a bare Apache Karaf of the same version, same run.
#
#   benchmarks/startup.sh [runs]      (default 3; needs `mvn install` first)
#
# Each run unpacks a fresh copy (no data/), starts it with bin/start and measures the seconds until
#   - UnionHub: GET /api/health answers 200 (database and REST up, demo data seeded);
#   - both:     the SSH port answers (the last boot feature of a bare Karaf).
# After the hub is up it idles 20 s and the resident memory (RSS) of its JVM is read.
# Prints the medians and the ratios UnionHub / bare Karaf.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
KARAF_VERSION=4.4.10
WORK=$(mktemp -d /tmp/unionhub-startup.XXXX)
trap 'pkill -f "karaf.base=$WORK" 2>/dev/null || true' EXIT

mvn -B -q dependency:copy -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz -DoutputDirectory="$WORK" >/dev/null
HUB_TGZ=$(ls distribution/target/unionhub-distribution-*.tar.gz)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

# prints "<seconds to health or -> <seconds to ssh> <rss MB>"
one_run() {
  local kind=$1 dir="$WORK/$1-$2" http ssh t0 t_http=- t_ssh=- pid rss
  mkdir -p "$dir"
  if [ "$kind" = hub ]; then tar xzf "$HUB_TGZ" -C "$dir"; else tar xzf "$WORK/apache-karaf-$KARAF_VERSION.tar.gz" -C "$dir"; fi
  dir=$(ls -d "$dir"/*/)
  http=$(free_port); ssh=$(free_port)
  echo "org.osgi.service.http.port = $http" > "$dir/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$dir/etc/org.apache.karaf.shell.cfg"
  printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$dir/etc/org.apache.karaf.management.cfg"
  t0=$(date +%s.%N)
  "$dir/bin/start"
  for _ in $(seq 1 1200); do
    now=$(date +%s.%N)
    if [ "$kind" = hub ] && [ "$t_http" = - ] && curl -sf "http://localhost:$http/api/health" >/dev/null 2>&1; then
      t_http=$(echo "$now - $t0" | bc)
    fi
    if [ "$t_ssh" = - ] && (exec 3<>/dev/tcp/127.0.0.1/$ssh) 2>/dev/null; then
      t_ssh=$(echo "$now - $t0" | bc)
    fi
    if [ "$t_ssh" != - ] && { [ "$kind" != hub ] || [ "$t_http" != - ]; }; then break; fi
    sleep 0.1
  done
  sleep 20
  pid=$(pgrep -f "karaf.base=${dir%/}" | head -1)
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  "$dir/bin/stop" >/dev/null 2>&1 || true
  while pgrep -f "karaf.base=${dir%/}" >/dev/null; do sleep 0.5; done
  echo "$t_http $t_ssh $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: > "$WORK/hub.txt"; : > "$WORK/karaf.txt"
for i in $(seq 1 "$RUNS"); do
  one_run karaf "$i" >> "$WORK/karaf.txt"
  one_run hub "$i" >> "$WORK/hub.txt"
done
hub_http=$(cut -d' ' -f1 "$WORK/hub.txt" | median)
hub_ssh=$(cut -d' ' -f2 "$WORK/hub.txt" | median)
hub_rss=$(cut -d' ' -f3 "$WORK/hub.txt" | median)
k_ssh=$(cut -d' ' -f2 "$WORK/karaf.txt" | median)
k_rss=$(cut -d' ' -f3 "$WORK/karaf.txt" | median)
echo "runs: $RUNS (each a fresh unpack, bin/start)"
echo "bare Karaf $KARAF_VERSION: ssh up ${k_ssh}s, idle RSS ${k_rss} MB   (raw: $(tr '\n' ';' < "$WORK/karaf.txt"))"
echo "UnionHub:   /api/health 200 ${hub_http}s, ssh up ${hub_ssh}s, idle RSS ${hub_rss} MB   (raw: $(tr '\n' ';' < "$WORK/hub.txt"))"
echo "ratio UnionHub/Karaf: start (health vs ssh) $(echo "scale=2; $hub_http / $k_ssh" | bc), start (ssh vs ssh) $(echo "scale=2; $hub_ssh / $k_ssh" | bc), RSS $(echo "scale=2; $hub_rss / $k_rss" | bc)"
