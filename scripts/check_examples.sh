#!/usr/bin/env bash
# Runs tc-api-services' metadata_examples test for every generated service (or only the
# services given as arguments), a batch of service features per `cargo test`, since one
# build of all of them needs more memory and time than the machine has.
#
# Writes target/examples/failures.tsv (every failure of every batch) and the summary
# tc-api-services/codegen/EXAMPLES.md; a run over named services writes its summary to
# target/examples/EXAMPLES.md instead, leaving the committed one alone.
#
#   scripts/check_examples.sh              # every service feature
#   scripts/check_examples.sh cvm vpc      # just these
#
# BATCH_SIZE (default 20) sets the services per build; SKIP_SERVICES (default none)
# the services left out of a full run. Exits non-zero when a batch does not build or the
# test finds a generator bug.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

batch_size=${BATCH_SIZE:-20}
skip=${SKIP_SERVICES-}

all=$(sed -n '/^# @generated begin features/,/^# @generated end features/p' \
    tc-api-services/Cargo.toml | sed -n 's/^\([a-z0-9_]*\) = .*/\1/p')
if [ $# -gt 0 ]; then
    for service in "$@"; do
        grep -qx "$service" <<<"$all" || { echo "no service feature $service" >&2; exit 2; }
    done
    services=$(printf '%s\n' "$@" | sort -u)
    summary=$root/target/examples/EXAMPLES.md
    full=0
else
    services=$(grep -vxF -f <(tr ' ' '\n' <<<"$skip" | sed '/^$/d') <<<"$all" || true)
    summary=$root/tc-api-services/codegen/EXAMPLES.md
    full=1
fi

out=$root/target/examples
rm -rf "$out/batches"
mkdir -p "$out/batches"
mapfile -t list <<<"$services"
count=${#list[@]}
batches=$(((count + batch_size - 1) / batch_size))
status=0
start=$(date +%s)
for ((b = 0; b < batches; b++)); do
    batch=("${list[@]:b*batch_size:batch_size}")
    name=$(printf 'batch%02d' "$b")
    features="registry,$(IFS=,; echo "${batch[*]}")"
    echo "== $name ($((b + 1))/$batches): ${batch[*]}"
    printf '%s\n' "${batch[@]}" >"$out/batches/$name.services"
    batch_start=$(date +%s)
    # No debug info and no incremental cache: each batch is built once.
    cargo_test=(env CARGO_PROFILE_DEV_DEBUG=0 CARGO_INCREMENTAL=0
        cargo test -q -p tc-api-services --no-default-features --features "$features"
        --test metadata_examples)
    if ! "${cargo_test[@]}" --no-run >"$out/batches/$name.build.log" 2>&1; then
        echo "   does not build; see $out/batches/$name.build.log"
        echo "build" >"$out/batches/$name.failed"
        status=1
        continue
    fi
    if ! TC_API_EXAMPLES_OUT="$out/batches/$name.tsv" "${cargo_test[@]}" -- --nocapture \
        >"$out/batches/$name.log" 2>&1; then
        echo "test" >"$out/batches/$name.failed"
        status=1
    fi
    grep -E '^  (all|bad-example|disagreement|generator-bug):' "$out/batches/$name.log" || true
    echo "   $(($(date +%s) - batch_start)) s"
done
elapsed=$(($(date +%s) - start))

cat "$out"/batches/*.tsv 2>/dev/null | sort >"$out/failures.tsv" || true
cat "$out"/batches/*.tsv.totals 2>/dev/null | sort >"$out/totals.tsv" || true

python3 - "$out" "$summary" "$full" "$skip" <<'EOF'
import pathlib
import sys

out, summary, full, skip = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3] == "1", sys.argv[4].split()
failures = [l.split("\t") for l in (out / "failures.tsv").read_text().splitlines() if l]
totals = [l.split("\t") for l in (out / "totals.tsv").read_text().splitlines() if l]
checked = sorted({s for f in sorted(out.glob("batches/*.services")) for s in f.read_text().split()})
unbuilt = sorted({s for f in sorted(out.glob("batches/*.failed")) if f.read_text().strip() == "build"
                  for s in f.with_suffix(".services").read_text().split()})
classes = ["bad-example", "disagreement", "generator-bug"]

def pct(part, whole):
    return f"{100 * part / whole:.2f}%" if whole else "-"

def cell(text):
    return text.replace("|", "\\|")

rows = []
for label, site in [("all", None), ("cn", "cn"), ("intl", "intl")]:
    pick = [t for t in totals if site is None or t[1] == site]
    examples, passed, well = (sum(int(t[i]) for t in pick) for i in (2, 3, 4))
    rows.append(f"| {label} | {examples} | {passed} | {pct(passed, examples)} | {well} | {pct(passed, well)} |")
errors = sum(int(t[5]) for t in totals)

# Examples (not failure lines) per class: an example's request and answer may both fail.
def examples_of(cls):
    return len({tuple(f[:5]) for f in failures if f[5] == cls})

lines = [
    "# Metadata examples",
    "",
    "Written by `scripts/check_examples.sh`; do not edit.",
    "",
    "Every example of the pinned metadata packages whose action is generated, checked by",
    "`tc-api-services/tests/metadata_examples.rs`: the request parameters through the typed",
    "action and back, the answer through the typed response. A failure is a `bad-example`",
    "when nothing can be read from the example, a `disagreement` when the example contradicts",
    "the metadata, and a `generator-bug` otherwise.",
    "",
    f"Services checked: {len(checked)}" + (f" (all service features but {', '.join(skip)})" if full and skip else "") + ".",
]
if unbuilt:
    lines += ["", f"Not checked, their batch does not build: {', '.join(unbuilt)}."]
lines += [
    "",
    "## Totals",
    "",
    "An example passes when both its request and its answer do; well-formed examples are",
    f"those without a `bad-example` failure. {errors} answers are error answers, which the",
    "client reads as errors rather than typed responses; they count as passed.",
    "",
    "| site | examples | passed | pass rate | well-formed | pass rate of well-formed |",
    "|---|---|---|---|---|---|",
    *rows,
    "",
    "## Failures per class",
    "",
    "| class | failures | examples |",
    "|---|---|---|",
    *[f"| {c} | {sum(1 for f in failures if f[5] == c)} | {examples_of(c)} |" for c in classes],
    "",
    "## Generator bugs",
    "",
]
bugs = [f for f in failures if f[5] == "generator-bug"]
if bugs:
    lines += ["| service | version | action | example | site | reason |", "|---|---|---|---|---|---|"]
    lines += [f"| {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} | {cell(f[6])} |" for f in bugs]
else:
    lines.append("None.")
per_service = {}
for f in failures:
    if f[5] != "generator-bug":
        per_service.setdefault(f[0], {c: 0 for c in classes})[f[5]] += 1
lines += [
    "",
    "## Other failures per service",
    "",
    "| service | bad-example | disagreement |",
    "|---|---|---|",
    *[f"| {s} | {c['bad-example']} | {c['disagreement']} |" for s, c in sorted(per_service.items())],
]
summary.parent.mkdir(parents=True, exist_ok=True)
summary.write_text("\n".join(lines) + "\n")
print(f"wrote {summary}")
EOF

echo "failures: $out/failures.tsv ($(wc -l <"$out/failures.tsv") lines); ${elapsed} s for $count services"
exit $status
