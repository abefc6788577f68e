#!/usr/bin/env bash
# Tests scripts/install.sh, which is also the recipe of the Cloud Build image's build stage
# (examples/cloudbuild/Dockerfile), as far as a machine without docker allows:
#   1. it installs kubelint into a fresh prefix;
#   2. the binary needs no Swift library at run time (ldd: only libyaml and the C and C++
#      runtime, what the image's runtime stage has);
#   3. copied alone into an empty directory and run with an empty environment (`env -i`: no
#      PATH, no LD_LIBRARY_PATH), it lints the staging tree clean, writes a JUnit report, and
#      exits 1 on findings and 2 on unreadable input.
# What it cannot test here: `docker build` itself, and the Ubuntu 24.04 runtime image.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/kubelint-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

grep -q '^RUN scripts/install.sh ' examples/cloudbuild/Dockerfile || fail "the Dockerfile does not build with scripts/install.sh"

echo "=== scripts/install.sh $work/prefix"
scripts/install.sh "$work/prefix"
binary="$work/prefix/bin/kubelint"
[ -x "$binary" ] || fail "$binary was not installed"

echo "=== the libraries it needs"
libraries=$(ldd "$binary")
echo "$libraries"
needed=$(awk '/=>/ { print $1 }' <<<"$libraries")
for library in $needed; do
    case "$library" in
        libyaml-0.so.2 | libc.so.6 | libm.so.6 | libstdc++.so.6 | libgcc_s.so.1) ;;
        *) fail "the binary needs $library (only libyaml and the C and C++ runtime are expected)" ;;
    esac
done
grep -q 'libyaml-0.so.2' <<<"$needed" || fail "libyaml is not linked dynamically as the image expects"

echo "=== alone, with an empty environment"
mkdir "$work/alone" "$work/reports"
cp "$binary" "$work/alone/kubelint"
env -i "$work/alone/kubelint" --version
output=$(env -i "$work/alone/kubelint" --kube-version 1.13 --report "junit=$work/reports/kubelint.xml" fixtures/staging/k8s)
echo "$output"
[ "$output" = "no problems in 24 files (24 resources)" ] || fail "the staging tree did not lint clean"
head -c 38 "$work/reports/kubelint.xml" | grep -q '^<?xml version="1.0" encoding="UTF-8"?>' || fail "no JUnit report"
set +e
env -i "$work/alone/kubelint" --quiet fixtures/cases/yaml-pitfalls/k8s > /dev/null
findings=$?
env -i "$work/alone/kubelint" --quiet fixtures/cases/malformed-file/k8s > /dev/null
unreadable=$?
set -e
[ $findings -eq 1 ] || fail "findings exited $findings, not 1"
[ $unreadable -eq 2 ] || fail "unreadable input exited $unreadable, not 2"
echo "=== install: all checks passed"
