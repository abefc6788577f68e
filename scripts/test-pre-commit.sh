#!/usr/bin/env bash
# Proves the pre-commit integration with the real pre-commit tool, in a throwaway git repository
# holding a copy of the staging tree:
#   1. the hook from .pre-commit-hooks.yaml (as a `repo:` entry) passes a clean commit;
#   2. it refuses a commit that changes only a ConfigMap, dropping a key a Deployment in another,
#      unchanged file reads: a finding only a cross-resource rule can make;
#      and one that renames a label in a Deployment only, stranding the unchanged Service;
#   3. a finding in a file the commit does not touch does not block it;
#   4. the `repo: local` form from README.md refuses the same broken ConfigMap.
# pre-commit is installed from PyPI into a temporary virtualenv when it is not on PATH; when it
# cannot be installed (no network), the script says so and exits 0: that is no kubelint failure.
#
# KUBELINT_TEST_SWIFT_HOOK=1 also runs the `kubelint` hook (language: swift), which makes
# pre-commit build kubelint from this repository's HEAD in release mode (several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/kubelint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

step() { printf '\n=== %s\n' "$*"; }

# refused RULE COMMAND...: COMMAND must fail and its output must name RULE.
refused() {
    local rule=$1 output status
    shift
    set +e
    output=$("$@" 2>&1)
    status=$?
    set -e
    echo "$output"
    if [ $status -eq 0 ] || ! grep -q "$rule" <<<"$output"; then
        echo "FAIL: '$*' was not refused with $rule (status $status)"
        exit 1
    fi
    echo "refused as expected with $rule (exit status $status)"
}

step "building kubelint"
swift build --product kubelint
export PATH="$(swift build --show-bin-path):$PATH"
command -v kubelint

step "finding pre-commit"
if command -v pre-commit >/dev/null 2>&1; then
    pre_commit=(pre-commit)
elif python3 -m venv "$work/venv" >/dev/null 2>&1 && "$work/venv/bin/pip" install --quiet pre-commit >/dev/null 2>&1; then
    pre_commit=("$work/venv/bin/pre-commit")
else
    echo "skipped: pre-commit is not installed and could not be installed from PyPI (pip install pre-commit)"
    exit 0
fi
"${pre_commit[@]}" --version

git_quiet() { git -c init.defaultBranch=main -c advice.detachedHead=false "$@"; }

# The hook repository: this repository's .pre-commit-hooks.yaml as it is in the working tree.
step "hook repository from .pre-commit-hooks.yaml"
mkdir "$work/hooks"
cp .pre-commit-hooks.yaml "$work/hooks/"
(cd "$work/hooks" && git_quiet init -q && git add . && git -c user.name=test -c user.email=test@example.com commit -qm hooks)
hooks_rev=$(git -C "$work/hooks" rev-parse HEAD)
hook_id=kubelint-system
hook_repo="$work/hooks"
if [ "${KUBELINT_TEST_SWIFT_HOOK:-0}" = 1 ]; then
    hook_id=kubelint
    hook_repo="$repository"
    hooks_rev=$(git -C "$repository" rev-parse HEAD)
fi

step "project repository with the staging tree (GKE 1.13)"
project="$work/project"
mkdir "$project"
cp -R fixtures/staging/k8s "$project/k8s"
cat > "$project/.kubelint.yaml" <<'YAML'
# The staging tree is written for GKE 1.13.
kubernetesVersion: "1.13"
YAML
cat > "$project/.pre-commit-config.yaml" <<YAML
repos:
- repo: $hook_repo
  rev: $hooks_rev
  hooks:
  - id: $hook_id
YAML
cd "$project"
git_quiet init -q
git config user.name "kubelint test"
git config user.email test@example.com
"${pre_commit[@]}" install

configmap=k8s/configmaps/worker-multi-worker-env-configmap.yaml

step "1. a clean commit passes"
git add -A
git commit -q -m "staging tree"
git log --oneline

step "2. a commit that drops a key a Deployment reads is refused"
grep -v '^  CELERY_LOG_LEVEL:' "$configmap" > "$work/configmap.yaml"
mv "$work/configmap.yaml" "$configmap"
git add "$configmap"
git status --short
refused configmap-key-missing git commit -m "drop CELERY_LOG_LEVEL"
git reset -q --hard

step "2b. a commit that renames a Deployment's pod label, stranding its Service, is refused"
deployment=k8s/deployments/web-deployment.yaml
sed 's/io.kompose.service: web$/io.kompose.service: website/' "$deployment" > "$work/deployment.yaml"
mv "$work/deployment.yaml" "$deployment"
git add "$deployment"
refused service-selector-no-match git commit -m "rename the web label"
git reset -q --hard

step "3. a finding in a file the commit does not touch does not block it"
sed -i.orig 's/^  DEBUG: "False"/  DEBUG: False/' k8s/configmaps/api-multi-api-env-configmap.yaml
rm -f k8s/configmaps/api-multi-api-env-configmap.yaml.orig
git add -A
git commit -q --no-verify -m "committed around the hook: a boolean DEBUG"
echo "the whole tree now has a finding:"
if kubelint --quiet k8s; then echo "FAIL: the boolean DEBUG was not reported"; exit 1; fi
echo "# scaled by hand during the incident" >> k8s/services/web-service.yaml
git add k8s/services/web-service.yaml
git commit -q -m "comment on the web service"
git log --oneline -1

step "4. the local hook form refuses the broken ConfigMap too"
cat > .pre-commit-config.yaml <<'YAML'
repos:
- repo: local
  hooks:
  - id: kubelint
    name: kubelint
    entry: kubelint --changed-files
    language: system
    types: [yaml]
    require_serial: true
YAML
grep -v '^  CELERY_LOG_LEVEL:' "$configmap" > "$work/configmap.yaml"
mv "$work/configmap.yaml" "$configmap"
refused configmap-key-missing "${pre_commit[@]}" run --files "$configmap"

step "pre-commit integration: all checks passed"
