#!/bin/sh
# Regenerates the Kubernetes schema table from its pinned inputs and fails when the committed
# table differs (run by Tests/KubeLintRulesTests/GeneratedTableTests.swift, like the rule
# reference check of docs/rules.md).
#
#   scripts/check-schema-table.sh [CLIENTS_DIR] [GO_API_DIR]
#       (defaults: /tmp/k8s-clients, /tmp/k8s-api; see scripts/generate-kubernetes-schema.py
#       for how to fetch them)
#   scripts/check-schema-table.sh --fetch-wheels [CLIENTS_DIR]
#       downloads the pinned client wheels that are missing from PyPI (`python3 -m pip`), and
#       checks nothing (.ci/run does this before the tests)
#
# The inputs: the Kubernetes Python client wheels (by sha256), and what k8s.io/api's Go sources
# say of the fields (scripts/schema-inputs/go-value-fields.json, committed). Where the Go
# sources are present (pinned by a digest), that file is first checked against them; where
# they are not (CI cannot reach GitHub), the committed file is the pinned input.
#
# Exit 0: the committed table (and facts file) are what the inputs generate. Exit 1: they are
# not (the diff is printed). Exit 3: a wheel is missing or is not the pinned one, so nothing
# was checked.
set -eu
fetch=0
if [ "${1:-}" = "--fetch-wheels" ]; then fetch=1; shift; fi
clients="${1:-/tmp/k8s-clients}"
go_api="${2:-/tmp/k8s-api}"
root=$(cd "$(dirname "$0")/.." && pwd)
table="$root/Sources/KubeLintSchema/Generated/KubernetesSchemaTable.swift"

# The client wheels, by sha256 (as in the generator's header).
wheels="
9.0.1 ec360d9bae6ac67081f81bca23870822a5ff1508dffad6f20a5a2a03f20032c5
12.0.1 23c85d8571df8f56e773f1a413bc081537536dc47e2b5e8dc2e6262edb2c57ca
18.20.0 ff31ec17437293e7d4e1459f1228c42d27c7724dfb56b4868aba7a901a5b72c9
21.7.0 044c20253f8577491a87af8f9edea1f929ed6d62ce306376a6cb8aed24e572c5
24.2.0 da19d58865cf903a8c7b9c3691a2e6315d583a98f0659964656dfdf645bf7e49
28.1.0 10f56f8160dcb73647f15fafda268e7f60cf7dbc9f8e46d52fcd46d3beb0c18d
33.1.0 544de42b24b64287f7e0aa9513c93cb503f7f40eea39b20f66810011a86eabc5
37.0.2 d72683392fc10f59fb78b89bd91cb3be60a05d6ff0bbb2150966a224af6edc03
"
# The k8s.io/api tags, by a digest of their Go files (sha256 of `sha256sum` over every *.go
# file in path order): a shallow clone of the tag has no history to name a commit by.
tags="
kubernetes-1.37.0-beta.0 cb66889308f1e06e3e33e0a7fb6eff16fade44020636d038f8678ddf8fab1f50
kubernetes-1.13.9 c8a8cf990b732b002c6f7e4a6e58ff39a7c780bfc4d1c1345aa1ed11be5fce91
"

if [ "$fetch" -eq 1 ]; then
    mkdir -p "$clients"
    for version_and_sum in $(echo "$wheels" | tr ' ' '='); do
        version=${version_and_sum%%=*}
        [ -f "$clients/kubernetes-$version-py2.py3-none-any.whl" ] && continue
        python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
            -d "$clients" "kubernetes==$version"
    done
    exit 0
fi

set --
for version_and_sum in $(echo "$wheels" | tr ' ' '='); do
    version=${version_and_sum%%=*}
    sum=${version_and_sum#*=}
    wheel="$clients/kubernetes-$version-py2.py3-none-any.whl"
    if [ ! -f "$wheel" ]; then echo "missing input: $wheel" >&2; exit 3; fi
    actual=$(sha256sum "$wheel" | cut -c1-64)
    if [ "$actual" != "$sum" ]; then echo "not the pinned input: $wheel ($actual)" >&2; exit 3; fi
    set -- "$@" "$wheel"
done
go_args=""
go_present=0
for tag_and_sum in $(echo "$tags" | tr ' ' '='); do
    tag=${tag_and_sum%%=*}
    sum=${tag_and_sum#*=}
    dir="$go_api/$tag"
    if [ ! -d "$dir" ]; then continue; fi
    actual=$(cd "$dir" && find . -name '*.go' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
    if [ "$actual" != "$sum" ]; then echo "not the pinned input: $dir ($actual)" >&2; exit 3; fi
    go_args="$go_args --go-api $dir"
    go_present=$((go_present + 1))
done
facts="$root/scripts/schema-inputs/go-value-fields.json"

generated=$(mktemp)
regenerated_facts=$(mktemp)
trap 'rm -f "$generated" "$regenerated_facts"' EXIT
if [ "$go_present" -eq 2 ]; then
    # shellcheck disable=SC2086
    python3 "$root/scripts/generate-kubernetes-schema.py" $go_args --write-go-facts "$regenerated_facts" "$@" > /dev/null 2>&1
    if ! diff -u "$facts" "$regenerated_facts"; then
        echo "scripts/schema-inputs/go-value-fields.json differs from what k8s.io/api's sources say; regenerate it (--write-go-facts)" >&2
        exit 1
    fi
else
    echo "the pinned k8s.io/api sources are not all in $go_api: the committed go-value-fields.json stands for them" >&2
fi
python3 "$root/scripts/generate-kubernetes-schema.py" --go-facts "$facts" "$@" > "$generated" 2>/dev/null
if ! diff -u "$table" "$generated"; then
    echo "the committed schema table differs from what its pinned inputs generate; regenerate it (scripts/generate-kubernetes-schema.py)" >&2
    exit 1
fi
