#!/usr/bin/env bash
# The fairs rushes beside GET /api/health, against a hub started with ./hub start (demo accounts).
#   benchmarks/fairs/run.sh [--url http://localhost:8181] [--seconds 10] [--clients 16,64,256]
set -euo pipefail
cd "$(dirname "$0")"
exec java FairsBench.java "$@"
