#!/usr/bin/env bash
# A business `Language` / `RequestClient` under a v1 signature (issue 16): the requests
# tc-api sends (recorded by the emulator in the test below) are checked by the official
# tencentcloud-sdk-python-common signing code, not only by our emulator.
#
# Environment: as scripts/interop/run.sh (TC_API_INTEROP_SDK_VERSION, TC_API_INTEROP_VENV,
# TC_API_SKIP_INTEROP=1).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${TC_API_SKIP_INTEROP:-0}" = "1" ]; then
    echo "v1_shadow: SKIPPED because TC_API_SKIP_INTEROP=1" >&2
    exit 0
fi

SDK_SPEC="tencentcloud-sdk-python-common${TC_API_INTEROP_SDK_VERSION:-==3.1.195}"
VENV="${TC_API_INTEROP_VENV:-target/interop-venv}"
WORK="$(mktemp -d)"

fail() {
    echo "v1_shadow: FAILED: $*" >&2
    exit 1
}
# shellcheck source=../lib/python_sdk.sh
source scripts/lib/python_sdk.sh

install_sdk "$VENV" "$SDK_SPEC"

TC_API_V1_SHADOW_DUMP="$WORK/requests.jsonl" timeout 900 cargo test --quiet -p tc-api-tests \
    --test e2e_wire_shapes v1_business_language_and_request_client_win_and_are_sent_once \
    || fail "the test did not pass"
[ -s "$WORK/requests.jsonl" ] || fail "the test wrote no requests"
timeout 120 "$VENV/bin/python" scripts/interop/v1_shadow.py "$WORK/requests.jsonl" \
    || fail "the Python SDK signs these requests differently (see above)"
