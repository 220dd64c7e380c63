#!/usr/bin/env bash
# tcapi beside tccli, the official command line (pinned to 3.1.189.1, the release whose
# metadata the schema table comes from), on this machine in one run: size on disk, the
# help of one action, and one call of it against the emulator. Not run in CI.
#
#   scripts/bench_tcapi.sh [RUNS]     (default: 21 runs of each command; medians reported)
#
# Both sides run cvm DescribeInstances. tcapi is the release build with default
# features, which compile no CVM action: its help, checks and call come from the schema
# table. tccli's help of an action is `tccli cvm DescribeInstances help` (its --help
# prints the generic usage only). The emulator is the example built in release; it
# compiles no CVM action either, so `--answer` makes DescribeInstances answer a fixed
# `Response` (one instance with a few fields). Both sides sign with TC3-HMAC-SHA256, read the demo credential from TENCENTCLOUD_SECRET_ID/KEY,
# and run with an empty HOME (no profile of this machine is read). Each timed run is a
# whole process, start to exit; the commands alternate, after one untimed run each.
#
# Environment:
#   CARGO_TARGET_DIR   where cargo builds (default: target); the venv goes there too
#   TC_API_TCCLI_VENV  virtualenv of tccli (default: $CARGO_TARGET_DIR/tccli-venv)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-21}"
TARGET="${CARGO_TARGET_DIR:-target}"
# tccli asks for the SDK >= its own release; the same release is pinned for a repeatable
# comparison.
TCCLI_SPECS=(tccli==3.1.189.1 tencentcloud-sdk-python==3.1.189)
VENV="${TC_API_TCCLI_VENV:-$TARGET/tccli-venv}"
WORK="$(mktemp -d)"

fail() {
    echo "bench_tcapi: FAILED: $*" >&2
    exit 1
}
# shellcheck source=lib/python_sdk.sh
source scripts/lib/python_sdk.sh

case "$RUNS" in *[!0-9]*|""|0) fail "RUNS must be a positive number" ;; esac

# ---- tccli --------------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    timeout 120 python3 -m venv "$VENV" || fail "cannot create a virtualenv with python3 -m venv"
fi
if [ "$(cat "$VENV/.tccli-specs" 2>/dev/null)" != "${TCCLI_SPECS[*]}" ]; then
    timeout 900 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --timeout 60 "${TCCLI_SPECS[@]}" || fail "cannot install ${TCCLI_SPECS[*]} from PyPI"
    echo "${TCCLI_SPECS[*]}" > "$VENV/.tccli-specs"
fi
TCCLI="$VENV/bin/tccli"
SITE="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"

# ---- tcapi and the emulator ---------------------------------------------------------
timeout 1800 cargo build --quiet --release -p tc-api-services --bin tcapi \
    || fail "cannot build tcapi"
timeout 1800 cargo build --quiet --release -p tc-api-services --example emulator \
    || fail "cannot build the emulator example"
TCAPI="$TARGET/release/tcapi"
ANSWER='{"TotalCount": 1, "InstanceSet": [{"InstanceId": "ins-xxxxxxxx", "InstanceName": "bench", "InstanceState": "RUNNING", "Placement": {"Zone": "ap-guangzhou-3"}}]}'
start_emulator "$TARGET/release/examples/emulator" \
    --answer "cvm:2017-03-12:DescribeInstances:$ANSWER"

# ---- sizes --------------------------------------------------------------------------
bytes() { du -sbc "$@" | tail -1 | cut -f1; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
tcapi_bytes="$(stat -c %s "$TCAPI")"
table_bytes="$(bytes tc-api-services/src/cli/schema_table/*.txt)"
tccli_bytes="$(bytes "$SITE"/tccli "$SITE"/tccli-*.dist-info)"
sdk_bytes="$(bytes "$SITE"/tencentcloud "$SITE"/tencentcloud_sdk_python-*.dist-info)"
# Everything pip installed for tccli (its packages and theirs), pip and setuptools aside.
all_bytes="$(find "$SITE" -mindepth 1 -maxdepth 1 \
    ! -name 'pip' ! -name 'pip-*' ! -name 'setuptools' ! -name 'setuptools-*' \
    ! -name '_distutils_hack' ! -name 'distutils-precedence.pth' ! -name 'pkg_resources' \
    -exec du -sbc {} + | awk '$2 == "total" { s += $1 } END { print s }')"

# ---- latencies ----------------------------------------------------------------------
HOME_DIR="$WORK/home"
mkdir -p "$HOME_DIR"
export HOME="$HOME_DIR" TENCENTCLOUD_SECRET_ID="$SECRET_ID" TENCENTCLOUD_SECRET_KEY="$SECRET_KEY"
CALL=(cvm DescribeInstances --Limit 1 --region ap-guangzhou --endpoint "$URL")

# Medians (ms) of RUNS whole-process runs of each command, alternating; every run must
# exit 0, and each command's output must contain its NEEDLE.
# Arguments: RUNS, then LABEL NEEDLE ARGV-AS-JSON for each command.
median_ms() {
    without_proxy "$VENV/bin/python" - "$@" <<'PY'
import json, statistics, subprocess, sys, time

runs = int(sys.argv[1])
commands = [(sys.argv[i], sys.argv[i + 1], json.loads(sys.argv[i + 2]))
            for i in range(2, len(sys.argv), 3)]
times = {label: [] for label, _, _ in commands}
for round_ in range(runs + 1):
    for label, needle, argv in commands:
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        elapsed = (time.perf_counter() - start) * 1000
        if done.returncode != 0 or needle not in done.stdout:
            sys.exit(f"{label} failed ({done.returncode}): {done.stdout[-2000:]}{done.stderr[-2000:]}")
        if round_ > 0:
            times[label].append(elapsed)
for label, _, _ in commands:
    print(label, f"{statistics.median(times[label]):.1f}")
PY
}
json_argv() { "$VENV/bin/python" -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "$@"; }

help_ms="$(median_ms "$RUNS" \
    tcapi "--Filters.N.Name" "$(json_argv "$TCAPI" cvm DescribeInstances --help)" \
    tccli "--Filters" "$(json_argv "$TCCLI" cvm DescribeInstances help)")" \
    || fail "the help runs failed"
call_ms="$(median_ms "$RUNS" \
    tcapi "TotalCount" "$(json_argv "$TCAPI" "${CALL[@]}")" \
    tccli "TotalCount" "$(json_argv "$TCCLI" "${CALL[@]}")")" \
    || fail "the call runs failed"
pick() { awk -v l="$2" '$1 == l { print $2 }' <<< "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }

tcapi_help="$(pick "$help_ms" tcapi)"; tccli_help="$(pick "$help_ms" tccli)"
tcapi_call="$(pick "$call_ms" tcapi)"; tccli_call="$(pick "$call_ms" tccli)"

# ---- report -------------------------------------------------------------------------
echo "tcapi: $TCAPI (release, default features; schema table $(mib "$table_bytes") of it)"
echo "tccli: ${TCCLI_SPECS[*]} in $VENV ($("$VENV/bin/python" --version 2>&1))"
echo "emulator: $URL (release); $RUNS timed runs per command, medians"
echo
printf '%-44s %14s %14s %10s\n' "" tcapi tccli "tcapi/tccli"
printf '%-44s %14s %14s %10s\n' "size: tcapi file vs tccli package" \
    "$(mib "$tcapi_bytes")" "$(mib "$tccli_bytes")" "$(ratio "$tcapi_bytes" "$tccli_bytes")"
printf '%-44s %14s %14s %10s\n' "size: ... vs tccli + tencentcloud-sdk-python" \
    "$(mib "$tcapi_bytes")" "$(mib $((tccli_bytes + sdk_bytes)))" \
    "$(ratio "$tcapi_bytes" $((tccli_bytes + sdk_bytes)))"
printf '%-44s %14s %14s %10s\n' "size: ... vs everything tccli installs" \
    "$(mib "$tcapi_bytes")" "$(mib "$all_bytes")" "$(ratio "$tcapi_bytes" "$all_bytes")"
printf '%-44s %14s %14s %10s\n' "cvm DescribeInstances help (median)" \
    "$tcapi_help ms" "$tccli_help ms" "$(ratio "$tcapi_help" "$tccli_help")"
printf '%-44s %14s %14s %10s\n' "cvm DescribeInstances call (median)" \
    "$tcapi_call ms" "$tccli_call ms" "$(ratio "$tcapi_call" "$tccli_call")"
