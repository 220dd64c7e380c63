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

fail() {
    echo "interop: FAILED: $*" >&2
    exit 1
}
# shellcheck source=../lib/python_sdk.sh
source scripts/lib/python_sdk.sh

install_sdk "$VENV" "$SDK_SPEC"

timeout 600 cargo build --quiet -p tc-api-services --example emulator \
    || fail "cannot build the emulator example"
start_emulator target/debug/examples/emulator --log

without_proxy timeout 120 "$VENV/bin/python" scripts/interop/interop.py "$URL" "$SECRET_ID" "$SECRET_KEY" \
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
