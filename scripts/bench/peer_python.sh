#!/usr/bin/env bash
# Peer comparison (not run in CI): the official tencentcloud-sdk-python-common and our
# client each call the emulator N times, one call after another on one keep-alive
# connection, on this machine in this run; prints both rates and their ratio.
#
#   scripts/bench/peer_python.sh [CALLS] [ROUNDS]     (defaults: 2000 calls, 3 rounds)
#
# Both sides call iotexplorer.DescribeBatchProduction, TC3-HMAC-SHA256, POST JSON,
# against the emulator example built in release (signature verified on every call).
# The rounds alternate Python and Rust so that a change of machine load affects both;
# the reported ratio is the median of the per-round ratios.
#
# Environment:
#   TC_API_PEER_SDK_VERSION  pip version spec of the SDK (default: the one the interop
#                            check pins, scripts/interop/run.sh)
#   TC_API_PEER_VENV         virtualenv directory (default: target/interop-venv, shared
#                            with the interop check)
set -euo pipefail
cd "$(dirname "$0")/../.."

CALLS="${1:-2000}"
ROUNDS="${2:-3}"
PINNED="$(sed -n 's/^SDK_SPEC="tencentcloud-sdk-python-common${TC_API_INTEROP_SDK_VERSION:-\(.*\)}"$/\1/p' scripts/interop/run.sh)"
SDK_SPEC="tencentcloud-sdk-python-common${TC_API_PEER_SDK_VERSION:-$PINNED}"
VENV="${TC_API_PEER_VENV:-target/interop-venv}"
WORK="$(mktemp -d)"

fail() {
    echo "peer_python: FAILED: $*" >&2
    exit 1
}
# shellcheck source=../lib/python_sdk.sh
source scripts/lib/python_sdk.sh

case "$CALLS$ROUNDS" in *[!0-9]*|"") fail "CALLS and ROUNDS must be numbers" ;; esac

install_sdk "$VENV" "$SDK_SPEC"
SDK_VERSION="$("$VENV/bin/python" -c 'import tencentcloud; print(tencentcloud.__version__)')"

timeout 1200 cargo build --quiet --release -p tc-api-services --example emulator --example peer_calls \
    || fail "cannot build the emulator and peer_calls examples"
start_emulator target/release/examples/emulator

rate() { sed -n 's/^calls .* rate \([0-9]*\)\/s$/\1/p'; }

echo "emulator $URL (release build); $CALLS calls per side and round, $ROUNDS rounds"
echo "python: tencentcloud-sdk-python-common $SDK_VERSION ($("$VENV/bin/python" --version 2>&1))"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
    python_rate="$(without_proxy timeout 600 "$VENV/bin/python" scripts/bench/peer_python.py \
        "$URL" "$SECRET_ID" "$SECRET_KEY" "$CALLS" | rate)" || fail "the Python SDK run failed"
    rust_rate="$(without_proxy timeout 600 target/release/examples/peer_calls \
        "$URL" "$SECRET_ID" "$SECRET_KEY" "$CALLS" | rate)" || fail "the client run failed"
    [ -n "$python_rate" ] && [ -n "$rust_rate" ] || fail "a run printed no rate"
    ratio="$(awk -v r="$rust_rate" -v p="$python_rate" 'BEGIN { printf "%.2f", r / p }')"
    ratios+=("$ratio")
    echo "round $round: tc-api ${rust_rate}/s   python SDK ${python_rate}/s   ratio ${ratio}x"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
echo "tc-api / python SDK: median ${median}x over $ROUNDS rounds (${ratios[*]})"
