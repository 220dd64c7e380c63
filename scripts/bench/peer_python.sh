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
EMULATOR_PID=""

cleanup() {
    if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "peer_python: FAILED: $*" >&2
    exit 1
}

case "$CALLS$ROUNDS" in *[!0-9]*|"") fail "CALLS and ROUNDS must be numbers" ;; esac

if [ ! -x "$VENV/bin/python" ]; then
    timeout 120 python3 -m venv "$VENV" || fail "cannot create a virtualenv with python3 -m venv"
fi
if [ "$(cat "$VENV/.sdk-spec" 2>/dev/null)" != "$SDK_SPEC" ]; then
    timeout 300 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --timeout 30 "$SDK_SPEC" || fail "cannot install $SDK_SPEC from PyPI"
    echo "$SDK_SPEC" > "$VENV/.sdk-spec"
fi
SDK_VERSION="$("$VENV/bin/python" -c 'import tencentcloud; print(tencentcloud.__version__)')"

timeout 1200 cargo build --quiet --release -p tc-api-services --example emulator --example peer_calls \
    || fail "cannot build the emulator and peer_calls examples"
target/release/examples/emulator --url-file "$WORK/url" > "$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 300); do
    [ -s "$WORK/url" ] && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || fail "the emulator exited: $(cat "$WORK/emulator.log")"
    sleep 0.1
done
[ -s "$WORK/url" ] || fail "the emulator did not start within 30 s"
URL="$(cat "$WORK/url")"
SECRET_ID="$(sed -n 's/^demo credential: SecretId \([^,]*\), SecretKey \(.*\)$/\1/p' "$WORK/emulator.log")"
SECRET_KEY="$(sed -n 's/^demo credential: SecretId \([^,]*\), SecretKey \(.*\)$/\2/p' "$WORK/emulator.log")"
[ -n "$SECRET_ID" ] && [ -n "$SECRET_KEY" ] || fail "the emulator did not print its demo credential"

no_proxy_env=(env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u ALL_PROXY -u all_proxy
    NO_PROXY=127.0.0.1,localhost)
rate() { sed -n 's/^calls .* rate \([0-9]*\)\/s$/\1/p'; }

echo "emulator $URL (release build); $CALLS calls per side and round, $ROUNDS rounds"
echo "python: tencentcloud-sdk-python-common $SDK_VERSION ($("$VENV/bin/python" --version 2>&1))"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
    python_rate="$("${no_proxy_env[@]}" timeout 600 "$VENV/bin/python" scripts/bench/peer_python.py \
        "$URL" "$SECRET_ID" "$SECRET_KEY" "$CALLS" | rate)" || fail "the Python SDK run failed"
    rust_rate="$("${no_proxy_env[@]}" timeout 600 target/release/examples/peer_calls \
        "$URL" "$SECRET_ID" "$SECRET_KEY" "$CALLS" | rate)" || fail "the client run failed"
    [ -n "$python_rate" ] && [ -n "$rust_rate" ] || fail "a run printed no rate"
    ratio="$(awk -v r="$rust_rate" -v p="$python_rate" 'BEGIN { printf "%.2f", r / p }')"
    ratios+=("$ratio")
    echo "round $round: tc-api ${rust_rate}/s   python SDK ${python_rate}/s   ratio ${ratio}x"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
echo "tc-api / python SDK: median ${median}x over $ROUNDS rounds (${ratios[*]})"
