#!/usr/bin/env bash
# GET /api/health p99 under 32 parallel wrong-password clients, against an idle baseline in the same run.
# Against a hub started with ./hub start (production password hashing, 600,000 PBKDF2 iterations).
#   benchmarks/signin/run.sh [--url http://localhost:8181] [--seconds 20] [--attackers 32] [--spray true]
# The worst case (every attempt hashed): set signin.address.free.failures = 1000000 in the hub's
# etc/org.unionhub.security.cfg first, and run with --spray true.
set -euo pipefail
cd "$(dirname "$0")"
exec java SigninBench.java "$@"
