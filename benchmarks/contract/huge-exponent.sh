#!/bin/bash
# Issue 14 row 2: what a member's 116-byte job application with cv.expectedSalary = 1e2000000 costs, as a ratio
# to GET /api/health timed in the same run on the same hub. Before the JSON reader's limits the amount was expanded
# into millions of digits (seconds per request); now it is refused with a 422 as it is read.
# Usage: benchmarks/contract/huge-exponent.sh [--url http://localhost:8181] [--requests 50]
set -euo pipefail
URL=http://localhost:8181
N=50
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="$2"; shift 2 ;;
    --requests) N="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
BODY='{"cv":{"name":"张三","phone":"13800000000","education":"BACHELOR","experienceYears":3,"expectedSalary":1e2000000}}'
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_one() { curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$@"; }
health=$(for i in $(seq "$N"); do time_one "$URL/api/health"; done)
huge=$(for i in $(seq "$N"); do time_one -u member:member -H 'Content-Type: application/json' \
  -X POST "$URL/api/jobfairs/positions/1/applications" -d "$BODY"; done)
h=$(echo "$health" | awk '{print $1}' | median)
x=$(echo "$huge" | awk '{print $1}' | median)
echo "requests each: $N"
echo "GET /api/health            p50 ${h}s  statuses: $(echo "$health" | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
echo "POST application 1e2000000 p50 ${x}s  statuses: $(echo "$huge" | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
echo "ratio (application / health): $(awk -v a="$x" -v b="$h" 'BEGIN {printf "%.2f", a / b}')"
