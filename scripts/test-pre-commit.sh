#!/usr/bin/env bash
# Proves the pre-commit integration with the real pre-commit tool, in a throwaway git repository
# holding a copy of the staging tree:
#   1. the hook from .pre-commit-hooks.yaml (as a `repo:` entry pinned to a commit, as README
#      says) passes a clean commit, and how long that commit takes is printed;
#   2. it refuses commits that break a reference held in another, unchanged file:
#      a. a ConfigMap that loses a key a Deployment reads;
#      b. a Deployment whose pod label is renamed, stranding its Service;
#      c. a claim a Deployment mounts, deleted (pre-commit would not even pass the file);
#      d. a claim a Deployment mounts, renamed (metadata.name);
#      and lets through a file moved with its objects unchanged;
#   3. a finding in a file the commit does not touch does not block it, and the hook's summary
#      says it was left out;
#   4. the `repo: local` form from README.md refuses the deletion too.
# pre-commit is taken from PATH, else installed (pinned) from PyPI into a temporary virtualenv.
# When it can be neither, the script FAILS: a check that cannot run must not report success.
#
# KUBELINT_TEST_SWIFT_HOOK=1 also runs the `kubelint` hook (language: swift), which makes
# pre-commit build kubelint from this repository's HEAD in release mode (several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
pre_commit_version=4.5.1

work=$(mktemp -d "${TMPDIR:-/tmp}/kubelint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

step() { printf '\n=== %s\n' "$*"; }
fail() { echo "FAIL: $*"; exit 1; }

# refused RULE LOCATION COMMAND...: COMMAND must fail and its output must name RULE at LOCATION.
refused() {
    local rule=$1 location=$2 output status
    shift 2
    set +e
    output=$("$@" 2>&1)
    status=$?
    set -e
    echo "$output"
    [ $status -ne 0 ] || fail "'$*' was not refused"
    grep -q "^$location: .*\[$rule\]" <<<"$output" || fail "'$*' was refused, but not with $rule at $location"
    echo "refused as expected with $rule at $location (exit status $status)"
}

step "building kubelint"
swift build --product kubelint
export PATH="$(swift build --show-bin-path):$PATH"
command -v kubelint

step "finding pre-commit"
if command -v pre-commit >/dev/null 2>&1; then
    pre_commit=(pre-commit)
elif python3 -m venv "$work/venv" && "$work/venv/bin/pip" install --quiet "pre-commit==$pre_commit_version"; then
    pre_commit=("$work/venv/bin/pre-commit")
else
    fail "pre-commit is not on PATH and could not be installed from PyPI (pip install pre-commit==$pre_commit_version)"
fi
"${pre_commit[@]}" --version

git_quiet() { git -c init.defaultBranch=main -c advice.detachedHead=false "$@"; }

# The hook repository: this repository's .pre-commit-hooks.yaml as it is in the working tree,
# pinned by commit (kubelint has no release tags; README tells users to pin a commit).
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
# Installs the hook's environment once, so that the timed commit below is a commit, not a setup.
"${pre_commit[@]}" install-hooks

configmap=k8s/configmaps/worker-multi-worker-env-configmap.yaml
claim=k8s/pvcs/web-pv-persistentvolumeclaim.yaml
mount="k8s/deployments/web-deployment.yaml:40:22"

step "1. a clean commit passes"
git add -A
start=$(date +%s%N)
git commit -q -m "staging tree"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
git log --oneline
echo "a pre-commit commit of the staging tree took ${elapsed_ms} ms (git commit, the hook and pre-commit included)"

step "2a. a commit that drops a key a Deployment reads is refused"
grep -v '^  CELERY_LOG_LEVEL:' "$configmap" > "$work/configmap.yaml"
mv "$work/configmap.yaml" "$configmap"
git add "$configmap"
refused configmap-key-missing "k8s/deployments/worker-deployment.yaml:[0-9]*:[0-9]*" git commit -m "drop CELERY_LOG_LEVEL"
git reset -q --hard

step "2b. a commit that renames a Deployment's pod label, stranding its Service, is refused"
deployment=k8s/deployments/web-deployment.yaml
sed 's/io.kompose.service: web$/io.kompose.service: website/' "$deployment" > "$work/deployment.yaml"
mv "$work/deployment.yaml" "$deployment"
git add "$deployment"
refused service-selector-no-match "k8s/services/web-service.yaml:[0-9]*:[0-9]*" git commit -m "rename the web label"
git reset -q --hard

step "2c. a commit that deletes a claim a Deployment mounts is refused"
git rm -q "$claim"
refused pvc-missing "$mount" git commit -m "remove the web claim"
git reset -q --hard

step "2d. a commit that renames a claim a Deployment mounts is refused"
sed -i.orig 's/^  name: web-pv$/  name: web-data/' "$claim"
rm -f "$claim.orig"
git add "$claim"
refused pvc-missing "$mount" git commit -m "rename the web claim"
git reset -q --hard

step "2e. a commit that moves a file, its objects unchanged, passes"
git mv "$claim" k8s/pvcs/web.yaml
git commit -q -m "shorter file name"
git log --oneline -1

step "3. a finding in a file the commit does not touch does not block it"
sed -i.orig 's/^  DEBUG: "False"/  DEBUG: False/' k8s/configmaps/api-multi-api-env-configmap.yaml
rm -f k8s/configmaps/api-multi-api-env-configmap.yaml.orig
git add -A
git commit -q --no-verify -m "committed around the hook: a boolean DEBUG"
echo "the whole tree now has a finding:"
if kubelint --quiet k8s; then fail "the boolean DEBUG was not reported"; fi
echo "# scaled by hand during the incident" >> k8s/services/web-service.yaml
git add k8s/services/web-service.yaml
# pre-commit shows a passing hook's output only with --verbose; what the hook prints:
output=$("${pre_commit[@]}" run --verbose 2>&1)
echo "$output"
grep -q "no problems in 24 files (24 resources); 1 finding about unchanged files left out" <<<"$output" \
    || fail "the summary does not say what was left out"
git commit -q -m "comment on the web service"
git log --oneline -1

step "4. the local hook form from README.md refuses the deletion too"
cat > .pre-commit-config.yaml <<'YAML'
repos:
- repo: local
  hooks:
  - id: kubelint
    name: kubelint
    entry: kubelint --staged
    language: system
    pass_filenames: false
    always_run: true
    require_serial: true
YAML
git add .pre-commit-config.yaml
git commit -q -m "the local hook"
git rm -q k8s/pvcs/web.yaml
refused pvc-missing "$mount" git commit -m "remove the web claim again"

step "pre-commit integration: all checks passed"
