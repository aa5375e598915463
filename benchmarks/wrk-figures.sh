# Sourced by the benchmarks that run wrk. wrk_figures reads wrk's --latency report on standard input and prints
# "requests/s p50_ms p99_ms non-2xx" (wrk writes "812.00us", "1.79ms" or "1.02s").
wrk_figures() {
  python3 -c '
import re, sys
text = sys.stdin.read()
def ms(pct):
    v, u = re.search(r"^\s*" + pct + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return round(float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u], 2)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1), ms("50"), ms("99"), bad.group(1) if bad else 0)'
}
