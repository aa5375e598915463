#!/usr/bin/env bash
# Cold start and idle memory of UnionHub, bare and with each region profile, beside a bare Apache Karaf of
# the same version, in the same run.
#
#   benchmarks/startup.sh [runs] [profiles]   (default 3 runs; profiles default "xiamen zhejiang innermongolia
#                                              guizhou all"; needs `mvn install` first)
#
# Each run unpacks a fresh copy (no data/), sets it up (bin/setup --demo --profile P; "none" = no module),
# starts it with bin/start and measures the seconds until
#   - UnionHub: GET /api/health answers 200 with every module of the profile ACTIVE (demo data seeded);
#   - both:     the SSH port answers (the last boot feature of a bare Karaf);
#   - both:     karaf.log says "Done." for the first time (the boot features installed and started).
# After that it idles 20 s and the resident memory (RSS) of its JVM is read.
# Prints the medians and the ratios to bare Karaf.
#
# Environment: BEFORE=<an older unionhub-distribution tar.gz> adds rows "before-<profile>" of that build in the
# same run (a before/after on the same machine at the same load); SKIP_NONE=1 leaves out the hub without modules;
# MVN_ARGS (e.g. -Dmaven.repo.local=...) is passed to the mvn call that fetches bare Karaf; PLATFORM=1 adds a row
# "platform": the hub's distribution booting only the platform the hub is built on (Pax JDBC with Derby and Hikari,
# the JAX-RS whiteboard on CXF with Jackson, Pax Web), without one UnionHub bundle: the floor under the hub's start.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
PROFILES="${2:-xiamen zhejiang innermongolia guizhou all}"
declare -A MODULES=([none]=0 [xiamen]=2 [zhejiang]=3 [innermongolia]=2 [guizhou]=3 [all]=5)
KARAF_VERSION=4.4.10
WORK=$(mktemp -d /tmp/unionhub-startup.XXXX)
trap 'pkill -f "karaf.base=$WORK" 2>/dev/null || true' EXIT

mvn -B -q ${MVN_ARGS:-} dependency:copy -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz -DoutputDirectory="$WORK" >/dev/null
HUB_TGZ=$(ls distribution/target/unionhub-distribution-*.tar.gz)
BEFORE="${BEFORE:-}"
KINDS="$([ "${SKIP_NONE:-}" = 1 ] || echo none) $PROFILES"
PLATFORM_ROW=$([ "${PLATFORM:-}" = 1 ] && echo platform || true)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

# prints "<seconds to health or -> <seconds to ssh> <rss MB> <seconds to the boot's Done.>"
healthy() { # all N modules ACTIVE
  local body
  body=$(curl -sf "http://localhost:$1/api/health" 2>/dev/null) || return 1
  [ "$(grep -o '"state":"ACTIVE"' <<<"$body" | wc -l)" -ge "$2" ]
}

one_run() {
  local kind=$1 dir="$WORK/$1-$2" http ssh t0 t_http=- t_ssh=- t_done=- pid rss profile=${1#*-} hub=1
  case "$kind" in karaf|platform) hub=0 ;; esac # no UnionHub to set up or ask for its health
  mkdir -p "$dir"
  case "$kind" in
    karaf) tar xzf "$WORK/apache-karaf-$KARAF_VERSION.tar.gz" -C "$dir" ;;
    before-*) tar xzf "$BEFORE" -C "$dir" ;;
    *) tar xzf "$HUB_TGZ" -C "$dir" ;;
  esac
  dir=$(ls -d "$dir"/*/)
  if [ "$kind" = platform ]; then # unionhub-core/V in featuresBoot becomes unionhub-storage/V, unionhub-rest/V
    sed -i -E 's#unionhub-core/([^,]*),#unionhub-storage/\1, unionhub-rest/\1,#' "$dir/etc/org.apache.karaf.features.cfg"
  elif [ $hub = 1 ] && [ "$profile" != none ]; then "$dir/bin/setup" --demo --profile "$profile" >/dev/null
  elif [ $hub = 1 ]; then "$dir/bin/setup" --demo >/dev/null; fi
  http=$(free_port); ssh=$(free_port)
  echo "org.osgi.service.http.port = $http" > "$dir/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$dir/etc/org.apache.karaf.shell.cfg"
  printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$dir/etc/org.apache.karaf.management.cfg"
  t0=$(date +%s.%N)
  "$dir/bin/start"
  for _ in $(seq 1 1200); do
    now=$(date +%s.%N)
    if [ $hub = 1 ] && [ "$t_http" = - ] && healthy "$http" "${MODULES[$profile]}"; then
      t_http=$(echo "$now - $t0" | bc)
    fi
    if [ "$t_ssh" = - ] && (exec 3<>/dev/tcp/127.0.0.1/$ssh) 2>/dev/null; then
      t_ssh=$(echo "$now - $t0" | bc)
    fi
    if [ "$t_done" = - ] && grep -q '| Done\.$' "$dir/data/log/karaf.log" 2>/dev/null; then
      t_done=$(echo "$now - $t0" | bc)
    fi
    if [ "$t_ssh" != - ] && [ "$t_done" != - ] && { [ $hub = 0 ] || [ "$t_http" != - ]; }; then break; fi
    sleep 0.1
  done
  sleep 20
  pid=$(pgrep -f "karaf.base=${dir%/}" | head -1)
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  "$dir/bin/stop" >/dev/null 2>&1 || true
  while pgrep -f "karaf.base=${dir%/}" >/dev/null; do sleep 0.5; done
  echo "$t_http $t_ssh $rss $t_done"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$WORK/karaf.txt"
ROWS=""
for p in $KINDS; do ROWS="$ROWS hub-$p"; [ -z "$BEFORE" ] || ROWS="$ROWS before-$p"; done
ROWS="$PLATFORM_ROW $ROWS"
for r in $ROWS; do : > "$WORK/$r.txt"; done
for i in $(seq 1 "$RUNS"); do
  one_run karaf "$i" >> "$WORK/karaf.txt"
  for r in $ROWS; do one_run "$r" "$i" >> "$WORK/$r.txt"; done
done
k_ssh=$(cut -d' ' -f2 "$WORK/karaf.txt" | median)
k_rss=$(cut -d' ' -f3 "$WORK/karaf.txt" | median)
k_done=$(cut -d' ' -f4 "$WORK/karaf.txt" | median)
echo "runs: $RUNS (each a fresh unpack, bin/setup, bin/start); load average at the start: $LOAD0, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bare Karaf $KARAF_VERSION: ssh up ${k_ssh}s, boot Done. ${k_done}s, idle RSS ${k_rss} MB   (raw: $(tr '\n' ';' < "$WORK/karaf.txt"))"
printf '%-14s %8s %8s %8s %8s %12s %10s %10s\n' profile healthy ssh done RSS_MB start_ratio done_ratio RSS_ratio
for p in $ROWS; do
  h=$(cut -d' ' -f1 "$WORK/$p.txt" | median); s=$(cut -d' ' -f2 "$WORK/$p.txt" | median)
  r=$(cut -d' ' -f3 "$WORK/$p.txt" | median); d=$(cut -d' ' -f4 "$WORK/$p.txt" | median)
  start=$([ "$h" = - ] && echo - || echo "scale=2; $h / $k_ssh" | bc)
  printf '%-14s %8s %8s %8s %8s %12s %10s %10s\n' "${p#hub-}" "$h" "$s" "$d" "$r" "$start" \
    "$(echo "scale=2; $d / $k_done" | bc)" "$(echo "scale=2; $r / $k_rss" | bc)"
  echo "   raw ($p): $(tr '\n' ';' < "$WORK/$p.txt")"
done
