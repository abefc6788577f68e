#!/usr/bin/env bash
# The benchmark, from one command: builds the release binaries, generates the trees
# (N = 100, 1 000, 10 000 apps, kept in .build/bench-trees), measures each in fresh processes
# and prints the table of ratios to the libyaml floor, peak memory and staging latency.
# Extra arguments go to `kubelint-bench run` (e.g. --sizes 100,1000 --repeat 3).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kubelint >&2
swift build -c release --product kubelint-bench >&2
bin="$(swift build -c release --show-bin-path)"
exec "$bin/kubelint-bench" run --kubelint "$bin/kubelint" "$@"
