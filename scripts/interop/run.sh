#!/usr/bin/env bash
# Interop with a client we did not write: the official tencentcloud-sdk-python-common,
# installed from PyPI into a virtualenv, calls the emulator example in all six
# method/signature combinations (scripts/interop/interop.py). Run by .ci/run.
#
# Environment:
#   TC_API_INTEROP_SDK_VERSION  pip version spec of the SDK (default: the pinned one below)
#   TC_API_INTEROP_VENV         virtualenv directory (default: target/interop-venv, reused)
#   TC_API_SKIP_INTEROP=1       skip, saying so loudly (e.g. on a machine without PyPI)
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${TC_API_SKIP_INTEROP:-0}" = "1" ]; then
    echo "interop: SKIPPED because TC_API_SKIP_INTEROP=1" >&2
    exit 0
fi

SDK_SPEC="tencentcloud-sdk-python-common${TC_API_INTEROP_SDK_VERSION:-==3.1.195}"
VENV="${TC_API_INTEROP_VENV:-target/interop-venv}"
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
    echo "interop: FAILED: $*" >&2
    exit 1
}

# The SDK, in a virtualenv kept between runs; reinstalled when the spec changes.
if [ ! -x "$VENV/bin/python" ]; then
    timeout 120 python3 -m venv "$VENV" || fail "cannot create a virtualenv with python3 -m venv"
fi
if [ "$(cat "$VENV/.sdk-spec" 2>/dev/null)" != "$SDK_SPEC" ]; then
    timeout 300 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --timeout 30 "$SDK_SPEC" || fail "cannot install $SDK_SPEC from PyPI"
    echo "$SDK_SPEC" > "$VENV/.sdk-spec"
fi

# The emulator, on a free port of 127.0.0.1; it writes its URL once it accepts.
timeout 600 cargo build --quiet -p tc-api-services --example emulator \
    || fail "cannot build the emulator example"
target/debug/examples/emulator --url-file "$WORK/url" --log > "$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 300); do
    [ -s "$WORK/url" ] && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || fail "the emulator exited: $(cat "$WORK/emulator.log")"
    sleep 0.1
done
[ -s "$WORK/url" ] || fail "the emulator did not start within 30 s"
URL="$(cat "$WORK/url")"

# The demo credential the emulator accepts (tc_api_core::emulator::DEMO_SECRET_ID/KEY).
SECRET_ID="$(sed -n 's/^demo credential: SecretId \([^,]*\), SecretKey \(.*\)$/\1/p' "$WORK/emulator.log")"
SECRET_KEY="$(sed -n 's/^demo credential: SecretId \([^,]*\), SecretKey \(.*\)$/\2/p' "$WORK/emulator.log")"
[ -n "$SECRET_ID" ] && [ -n "$SECRET_KEY" ] || fail "the emulator did not print its demo credential"

env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u ALL_PROXY -u all_proxy \
    NO_PROXY=127.0.0.1,localhost \
    timeout 120 "$VENV/bin/python" scripts/interop/interop.py "$URL" "$SECRET_ID" "$SECRET_KEY" \
    || fail "the Python SDK and the emulator disagree (see above)"

# The emulator's side: each combination arrived as configured, accepted once and
# refused once (its log is written every 50 ms).
sleep 0.3
for method in POST GET; do
    for signature in TC3-HMAC-SHA256 HmacSHA1 HmacSHA256; do
        for outcome in ok AuthFailure.SignatureFailure; do
            line="request: $method $signature ReleaseMNPVersion -> $outcome "
            count="$(grep -cF -- "$line" "$WORK/emulator.log" || true)"
            [ "$count" = "1" ] || fail "the emulator logged '$line' $count times, expected once:
$(grep '^request:' "$WORK/emulator.log")"
        done
    done
done
echo "interop: ok (the emulator logged all 6 combinations, accepted and refused)"
