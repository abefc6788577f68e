#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer.
#   scripts/sanitize.sh [address|thread]...      (default: both)
# Each sanitizer builds into its own scratch folder (.build-asan, .build-tsan).
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer: $sanitizer" >&2; exit 2 ;;
    esac
    echo "== swift test --sanitize=$sanitizer" >&2
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" \
    TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch"
done
