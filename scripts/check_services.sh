#!/usr/bin/env bash
# Compiles every service feature of tc-api-services on its own, one after the other, and
# records wall time and peak memory of each (the dependencies are built first, once).
#
#   scripts/check_services.sh                  # cargo check of every service
#   scripts/check_services.sh cvm vpc          # just these
#   scripts/check_services.sh --sample 3       # 3 services picked by the HEAD commit, plus
#                                              # every service whose generated files HEAD changed
#   ... --changed-limit 3                      # at most 3 of the changed ones (picked by HEAD too)
#   scripts/check_services.sh --build cvm      # cargo build (dev) instead of check
#
# Results: target/check-services/results.tsv (service, seconds, peak KiB, status) and a
# summary on stdout. Exits non-zero when any service fails to compile.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
sample=0
changed_limit=0
services=()
while [ $# -gt 0 ]; do
    case "$1" in
        --build) mode=build ;;
        --sample) sample="$2"; shift ;;
        --changed-limit) changed_limit="$2"; shift ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) services+=("$1") ;;
    esac
    shift
done

# The generated service features, in Cargo.toml order.
mapfile -t all < <(sed -n '/# @generated begin features/,/# @generated end features/p' \
    tc-api-services/Cargo.toml | sed -n 's/^\([a-z0-9]*\) = \[\]$/\1/p')

if [ "$sample" -gt 0 ]; then
    # Rotate through the services: the HEAD commit picks where to start.
    start=$(( 16#$(git rev-parse --short=8 HEAD) % ${#all[@]} ))
    for i in $(seq 0 $((sample - 1))); do
        services+=("${all[$(( (start + i * ${#all[@]} / sample) % ${#all[@]} ))]}")
    done
    # And the services whose generated files the last commit touched (a rotating subset
    # of them with --changed-limit, so a full regeneration does not check everything).
    changed=()
    if git rev-parse -q --verify HEAD~1 >/dev/null; then
        mapfile -t dirs < <(git diff --name-only HEAD~1 HEAD -- tc-api-services/src/ |
            sed 's|^tc-api-services/src/||; s|/.*||' | sort -u)
        for dir in "${dirs[@]}"; do
            for s in "${all[@]}"; do [ "$s" = "$dir" ] && changed+=("$s"); done
        done
    fi
    if [ "$changed_limit" -gt 0 ] && [ ${#changed[@]} -gt "$changed_limit" ]; then
        for i in $(seq 0 $((changed_limit - 1))); do
            services+=("${changed[$(( (start + i * ${#changed[@]} / changed_limit) % ${#changed[@]} ))]}")
        done
    else
        services+=("${changed[@]}")
    fi
    mapfile -t services < <(printf '%s\n' "${services[@]}" | sort -u)
fi
[ ${#services[@]} -gt 0 ] || services=("${all[@]}")

out=target/check-services
mkdir -p "$out"
results="$out/results.tsv"
: > "$results"
# Dependencies first, so each service's figure is tc-api-services alone.
cargo "$mode" -q -p tc-api-services --no-default-features

failed=0
begin=$(date +%s)
for service in "${services[@]}"; do
    log="$out/$service.log"
    if /usr/bin/time -f '%e %M' -o "$out/time" \
        cargo "$mode" -q -p tc-api-services --no-default-features --features "$service" \
        >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=$((failed + 1))
        tail -20 "$log" >&2
    fi
    read -r seconds kib < <(tail -1 "$out/time")
    printf '%s\t%s\t%s\t%s\n' "$service" "$seconds" "$kib" "$status" | tee -a "$results"
done
total=$(( $(date +%s) - begin ))

sort -t$'\t' -k2,2n "$results" | awk -F'\t' -v total="$total" -v mode="$mode" '
    { t[NR] = $2; m[NR] = $3; s[NR] = $1; if ($3 > maxm) { maxm = $3; maxs = $1 } }
    END {
        printf "%d services (%s), %d s in all; median %.2f s; slowest %s %.2f s; ",
            NR, mode, total, t[int((NR + 1) / 2)], s[NR], t[NR]
        printf "peak memory %s %.1f GiB\n", maxs, maxm / 1048576
    }'
[ "$failed" -eq 0 ] || { echo "$failed service(s) failed to compile" >&2; exit 1; }
