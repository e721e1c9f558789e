#!/usr/bin/env bash
# Whole-process timings of exsh against python3 on the same machine (issue 2's
# benchmarks): startup, a 1..1,000,000 for loop, recursive fib(25), 100,000 strings
# joined and built with +=, and 100,000 records through Where/Sort/Measure.
# Usage: scripts/bench/run.sh [runs]   (best of N runs, default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
runs=${1:-5}
best() { # best wall time in ms of N runs of a command
  local b=999999
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    (( ms < b )) && b=$ms
  done
  echo "$b"
}
exsh=./target/release/exsh
# Debian's python3, not a pyenv shim (whose startup would dominate).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
printf '%-10s %10s %10s\n' bench exsh_ms python3_ms
printf '%-10s %10s %10s\n' startup "$(best $exsh -NoProfile -Command exit)" "$(best $py scripts/bench/py/startup.py)"
for b in loop fib join append records; do
  printf '%-10s %10s %10s\n' "$b" "$(best $exsh -NoProfile scripts/bench/$b.ps1)" "$(best $py scripts/bench/py/$b.py)"
done
# A do-nothing static Rust binary, for the startup target (within 4x of it).
tmp=$(mktemp -d)
printf 'fn main() {}\n' > "$tmp/n.rs"
if rustc -O -o "$tmp/n" "$tmp/n.rs" 2>/dev/null; then
  printf '%-10s %10s\n' noop_rust "$(best "$tmp/n")"
fi
rm -rf "$tmp"
