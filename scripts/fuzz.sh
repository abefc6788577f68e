#!/usr/bin/env bash
# Fuzz the whole pipeline (bytes → YAML → model → rules → every reporter) with libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]     (default: 300 seconds)
#
# The corpus grows in .fuzz/corpus (seeded from fixtures/); crashes, leaks and timeouts land in
# .fuzz/artifacts/. Replay one with an ordinary build: swift run kubelint-fuzz FILE
# Every crasher found must become a regression input in fixtures/fuzz-regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true

swift build -c release --product kubelint-fuzz -Xswiftc -DFUZZING --sanitize=fuzzer \
    --scratch-path .build-fuzz >&2

mkdir -p .fuzz/corpus .fuzz/artifacts
find fixtures -type f \( -name '*.yaml' -o -name '*.yml' \) -exec cp {} .fuzz/corpus/ \; 2>/dev/null || true
# The configuration and contracts are seeds for the configuration and contract parsers.
find rules -type f -name '*.yaml' -exec cp {} .fuzz/corpus/ \; 2>/dev/null || true
find fixtures -type f -name 'kubelint.yaml' | while read -r config; do
    cp "$config" ".fuzz/corpus/config-$(basename "$(dirname "$config")").yaml"
done
cp .kubelint.yaml .fuzz/corpus/config-root.yaml 2>/dev/null || true
# Past crashers are seeds too: they sit next to the code paths that broke before.
find fixtures/fuzz-regressions -type f -exec cp {} .fuzz/corpus/ \; 2>/dev/null || true

exec .build-fuzz/release/kubelint-fuzz \
    -max_total_time="$seconds" \
    -rss_limit_mb=2048 \
    -timeout=10 \
    -max_len=65536 \
    -dict=scripts/fuzz.dict \
    -artifact_prefix=.fuzz/artifacts/ \
    -print_final_stats=1 \
    "$@" \
    .fuzz/corpus
