#!/usr/bin/env bash
# Tries the services crate as a new user would: a fresh crate outside the workspace,
# `cargo add` of tc-api-services with one feature (cvm), and a DescribeInstances call to
# the emulator with a handler (scripts/newcomer/main.rs). Prints the build's wall time
# and peak memory, then the program's output.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$repo/target/newcomer"}
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
cargo init -q --vcs none --name first-call
cargo add -q --path "$repo/tc-api-services" --no-default-features --features cvm
cargo add -q --path "$repo/tc-api-core" --features emulator
cargo add -q tokio --features macros,rt-multi-thread
cp "$repo/scripts/newcomer/main.rs" src/main.rs
# Its own target directory: the figure is what a newcomer's first build costs.
/usr/bin/time -f 'build: %e s wall, peak %M KiB' cargo build -q
cargo run -q
