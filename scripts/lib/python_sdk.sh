# Shared by scripts/interop/run.sh and scripts/bench/peer_python.sh (sourced, not run):
# the official Python SDK in a virtualenv, and the emulator example as a process.
#
# The sourcing script defines `fail MESSAGE` and sets WORK to a temporary directory;
# this file installs the EXIT trap that stops the emulator and removes WORK.

EMULATOR_PID=""

stop_emulator_and_clean() {
    if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop_emulator_and_clean EXIT
trap 'exit 130' INT TERM

# install_sdk VENV SPEC: the SDK (pip spec SPEC) in the virtualenv VENV, kept between
# runs and reinstalled when the spec changes.
install_sdk() {
    local venv="$1" spec="$2"
    if [ ! -x "$venv/bin/python" ]; then
        timeout 120 python3 -m venv "$venv" || fail "cannot create a virtualenv with python3 -m venv"
    fi
    if [ "$(cat "$venv/.sdk-spec" 2>/dev/null)" != "$spec" ]; then
        timeout 300 "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            --timeout 30 "$spec" || fail "cannot install $spec from PyPI"
        echo "$spec" > "$venv/.sdk-spec"
    fi
}

# start_emulator BINARY [ARG...]: the built emulator example on a free port of
# 127.0.0.1, its output in $WORK/emulator.log; waits until it accepts, then sets URL and
# the demo credential it accepts (tc_api_core::emulator::DEMO_SECRET_ID/KEY) in
# SECRET_ID and SECRET_KEY.
start_emulator() {
    local binary="$1"
    shift
    "$binary" --url-file "$WORK/url" "$@" > "$WORK/emulator.log" 2>&1 &
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
}

# Runs a command without any proxy, for calls to the loopback emulator.
without_proxy() {
    env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u ALL_PROXY -u all_proxy \
        NO_PROXY=127.0.0.1,localhost "$@"
}
