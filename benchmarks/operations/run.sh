#!/usr/bin/env bash
# Operating costs of a running hub: the time of a /metrics scrape as a ratio of GET /api/health answered
# in the same run (the baseline), and the duration and size of one online backup (POST /api/admin/backups).
#   benchmarks/operations/run.sh [BASE_URL] [ADMIN:PASSWORD] [ROUNDS]
# e.g. after ./hub start: benchmarks/operations/run.sh http://localhost:8181 admin:admin 200
set -euo pipefail
BASE=${1:-http://localhost:8181}
AUTH=${2:-admin:admin}
ROUNDS=${3:-200}

mean_ms() { # url, extra curl args...: mean time_total in ms over ROUNDS calls (after 20 warm-up calls)
  local url=$1; shift
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@" "$url"; done
  for _ in $(seq 1 "$ROUNDS"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done |
    awk '{ s += $1 } END { printf "%.2f", 1000 * s / NR }'
}

health=$(mean_ms "$BASE/api/health")
# an admin's Basic sign-in is remembered 60 s (basic.cache.seconds), so the scrape's cost is the exposition
metrics=$(mean_ms "$BASE/metrics" -u "$AUTH")
size=$(curl -s -u "$AUTH" "$BASE/metrics" | wc -c)
series=$(curl -s -u "$AUTH" "$BASE/metrics" | grep -vc '^#')
echo "GET /api/health (baseline): ${health} ms"
echo "GET /metrics: ${metrics} ms = $(awk -v a="$metrics" -v b="$health" 'BEGIN { printf "%.2f", a / b }') x baseline; ${size} bytes, ${series} series"

out=$(curl -s -u "$AUTH" -X POST "$BASE/api/admin/backups")
echo "backup: $(echo "$out" | sed -n 's/.*"durationMillis":\([0-9]*\).*/\1/p') ms, $(echo "$out" | sed -n 's/.*"bytes":\([0-9]*\).*/\1/p') bytes," \
     "$(echo "$out" | sed -n 's/.*"rows":\([0-9]*\).*/\1/p') rows in $(echo "$out" | sed -n 's/.*"tables":\([0-9]*\).*/\1/p') tables"
