#!/usr/bin/env bash
# A CPU profile of one compare client (issue 16): where the client's CPU per request goes, sampled by the kernel
# (perf, on-CPU time only) rather than dotnet-trace's thread-time sampler, which mostly shows waiting threads.
#
#   bash benchmarks/profile.sh session 32      # the key of a compare client (Compare/ClientSet.cs), the concurrency
#
# The client runs alone (compare --exact) against the usual child-process server. ReadyToRun is off so the framework's
# code is jitted and named in the perf map like ours (the profile's shape is what matters, not its absolute speed),
# and W^X is off so perf can name jitted code from the map (it cannot look into "memfd:doublemapper").
# Needs perf (Debian: linux-perf) and root, or perf_event_paranoid <= 1. Run it on a quiet machine.
# Outputs in $OUT (default artifacts/profile): <key>-c<N>.txt (µs per request by FluentRequests method and by
# outside bucket, from benchmarks/profile_attribute.py), <key>-c<N>.perf.data and the compare run's output.
set -euo pipefail
cd "$(dirname "$0")/.."
KEY=${1:-session}
CONC=${2:-32}
SECONDS_MEASURED=${SECONDS_MEASURED:-12}
OUT=${OUT:-artifacts/profile}
mkdir -p "$OUT"
command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)"; exit 2; }

dotnet build benchmarks/FluentRequests.Benchmarks -c Release -warnaserror -v q -nologo >/dev/null
export DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0
dotnet benchmarks/FluentRequests.Benchmarks/bin/Release/net10.0/FluentRequests.Benchmarks.dll compare --exact \
    --only "$KEY" --concurrency "$CONC" --rounds 1 --warmup 4 --seconds $((SECONDS_MEASURED + 4)) --allow-noisy \
    > "$OUT/$KEY-c$CONC.compare.md" 2>&1 &
PID=$!
sleep 7   # server start-up and warm-up: tier-1 code and a steady pool before sampling
perf record -F 997 -g -o "$OUT/$KEY-c$CONC.perf.data" -p "$PID" -- sleep "$SECONDS_MEASURED" 2>/dev/null
wait "$PID" || true
# The first scenario's row of the client: its CPU µs per request (under the profiler) scales the samples.
CPU=$(grep -m1 "c=$CONC round 1" "$OUT/$KEY-c$CONC.compare.md" | grep -o '[0-9.]* µs/req' | cut -d' ' -f1)
perf script -i "$OUT/$KEY-c$CONC.perf.data" 2>/dev/null \
    | python3 benchmarks/profile_attribute.py "$CPU" 30 > "$OUT/$KEY-c$CONC.txt"
grep -m1 "c=$CONC round 1" "$OUT/$KEY-c$CONC.compare.md"
echo "profile: $OUT/$KEY-c$CONC.txt"
