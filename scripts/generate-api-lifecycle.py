#!/usr/bin/env python3
"""Builds kubelint's table of when each built-in apiVersion and kind is served, for every
Kubernetes minor release from 1.13 to 1.37.

Where the facts come from (pinned: release tags of the repositories Kubernetes publishes its API
types in, each tag the state of the API at that release):

- k8s.io/api (github.com/kubernetes/api), tags kubernetes-1.13.0 ... kubernetes-1.36.0 and
  kubernetes-1.37.0-beta.0 (1.37 is not released yet; its API is frozen at beta);
- k8s.io/apiextensions-apiserver (CustomResourceDefinition) and k8s.io/kube-aggregator
  (APIService) at the same tags.

For each release the script reads every API package (`<group>/<version>/`): the group name from
`register.go`, the kinds (types marked `+genclient`, and the few kinds that exist only as the body
of a subresource: Binding, Eviction, Scale, TokenRequest), and the lifecycle of each kind from
`zz_generated.prerelease-lifecycle.go`, the code that `+k8s:prerelease-lifecycle-gen` tags in
types.go generate. That code is what the API server itself uses: it stops serving a kind from
`APILifecycleRemoved()` on (k8s.io/apiserver pkg/server/deleted_kinds.go), does not serve one
before `APILifecycleIntroduced()`, and answers requests with a deprecation warning from
`APILifecycleDeprecated()` on (a tag may leave deprecated and removed out: the generator then
takes introduced + 3 and deprecated + 3 minor releases, and so does the API server).

Releases before the tags existed (1.13 to 1.18) and kinds without tags are read from what later
releases say of them: the lifecycle a later release generated for the kind (tags were added for
the history of old beta APIs), else a type comment of the form "Deprecated in v1.17 ..., and will
no longer be served in v1.22". A kind whose types leave the package stops being served then.
`KNOWN_REMOVALS` below lists the few kinds whose types outlived their serving with no tag and no
such comment, each with its source.

A kind is served at release N when its package registers it at N, N is not before its
introduction and is before its removal (both as read at N). The table records, per apiVersion and
kind, the releases it is served in (one range; the script fails if a kind comes back), the release
from which the API server warns that it is deprecated, and the replacement the lifecycle names.

Usage (writes the Swift file; prints a summary to stderr):

    git clone --bare https://github.com/kubernetes/api /tmp/k8s-api.git
    git clone --bare https://github.com/kubernetes/apiextensions-apiserver /tmp/k8s-apiextensions.git
    git clone --bare https://github.com/kubernetes/kube-aggregator /tmp/k8s-aggregator.git
    mkdir -p /tmp/k8s-clients && cd /tmp/k8s-clients   # OpenAPI documents, see below
    for v in 9.0.1 12.0.1 18.20.0 21.7.0 22.6.0 23.6.0 24.2.0 28.1.0 33.1.0 37.0.2; do
        pip download kubernetes==$v --no-deps
    done
    cd - && python3 scripts/generate-api-lifecycle.py /tmp/k8s-api.git /tmp/k8s-apiextensions.git \\
        /tmp/k8s-aggregator.git --openapi /tmp/k8s-clients/*.whl \\
        > Sources/KubeLintSchema/Generated/APILifecycleTable.swift

The OpenAPI documents of releases (as the Kubernetes Python client of each release carries them)
are a second, independent witness: the script prints where they disagree with the table. The one
of 1.37 also adds the kinds that the released 1.37 serves and its pre-release tag lacked.

The output format is described in Sources/KubeLintSchema/APIVersionTable.swift.
"""

import re
import subprocess
import sys

FIRST_MINOR, LAST_MINOR = 13, 37


# 1.37 is not released yet: its API is read at its latest pre-release tag in each repository.
UNRELEASED_TAGS = {37: ["kubernetes-1.37.0-beta.0", "kubernetes-1.37.0-beta.0", "kubernetes-1.37.0-alpha.2"]}


def release_tag(minor, position=0):
    return UNRELEASED_TAGS[minor][position] if minor in UNRELEASED_TAGS else f"kubernetes-1.{minor}.0"


# (repository argument position, directory holding `<group>/<version>` packages, or a single group)
SOURCES = [
    (0, ""),                                      # k8s.io/api: <group>/<version>/
    (1, "pkg/apis/apiextensions/"),               # apiextensions.k8s.io/<version>/
    (2, "pkg/apis/apiregistration/"),             # apiregistration.k8s.io/<version>/
]

# Packages of k8s.io/api that are not served resources: webhook request and response bodies
# (admission, imagepolicy) and the format of discovery documents.
NOT_SERVED_PACKAGES = {"admission", "imagepolicy", "apidiscovery"}

# Kinds that exist only as the body of a subresource (pods/binding, pods/eviction, */scale,
# serviceaccounts/token): written to the API, never listed, so not `+genclient` resources.
SUBRESOURCE_KINDS = {"Binding", "Eviction", "Scale", "TokenRequest"}

# Kinds whose Go types stayed in k8s.io/api after the API server stopped serving them, with
# neither a lifecycle tag nor a "no longer served" comment: (apiVersion, kind) → first release
# that does not serve it. Each is checked by `--check-clients` against the OpenAPI documents of
# the releases (the Kubernetes Python client of each release is generated from its OpenAPI).
# The OpenAPI document of release-1.22 (Python client 22.6.0) still describes all three, that of
# release-1.23 (23.6.0) describes only RuntimeClass, that of release-1.24 (24.2.0) none. (The
# type comments of rbac v1alpha1 promised "no longer served in v1.22", and the release note of
# kubernetes/kubernetes#103061 said so of node.k8s.io/v1alpha1; the API servers kept them longer.)
KNOWN_REMOVALS = {
    ("rbac.authorization.k8s.io/v1alpha1", "ClusterRole"): 23,
    ("rbac.authorization.k8s.io/v1alpha1", "ClusterRoleBinding"): 23,
    ("rbac.authorization.k8s.io/v1alpha1", "Role"): 23,
    ("rbac.authorization.k8s.io/v1alpha1", "RoleBinding"): 23,
    ("scheduling.k8s.io/v1alpha1", "PriorityClass"): 23,
    ("node.k8s.io/v1alpha1", "RuntimeClass"): 24,
}

VERSION = re.compile(r"^v\d+(?:(?:alpha|beta)\d+)?$")
LIFECYCLE_FUNC = re.compile(
    r"func \(in \*(\w+)\) APILifecycle(Introduced|Deprecated|Removed|Replacement)\(\)[^{]*\{\s*return ([^\n]+)"
)
GVK = re.compile(r'Group: "([^"]*)", Version: "([^"]*)", Kind: "([^"]*)"')
STRUCT = re.compile(r"^type (\w+) struct")
DEPRECATED_COMMENT = re.compile(r"[Dd]eprecated in v?1\.(\d+)")
NOT_SERVED_COMMENT = re.compile(r"no longer (?:be )?served in v?1\.(\d+)")


class Repository:
    def __init__(self, path):
        self.path = path

        # One `git cat-file --batch` for every file read: a process per file takes minutes.
        self.batch = subprocess.Popen(
            ["git", "--git-dir", path, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def run(self, *arguments):
        return subprocess.run(
            ["git", "--git-dir", self.path, *arguments], check=True, capture_output=True, text=True
        ).stdout

    def commit(self, tag):
        return self.run("rev-parse", tag + "^{commit}").strip()

    def files(self, tag, directory):
        listing = self.run("ls-tree", "-r", "--name-only", tag, "--", directory or ".")
        return listing.split()

    def show(self, tag, path):
        self.batch.stdin.write(f"{tag}:{path}\n".encode())
        self.batch.stdin.flush()
        header = self.batch.stdout.readline().decode().split()
        if len(header) != 3:
            raise SystemExit(f"cannot read {tag}:{path} in {self.path}")
        content = self.batch.stdout.read(int(header[2]))
        self.batch.stdout.read(1)
        return content.decode()


def group_name(register):
    match = re.search(r'GroupName\s*=\s*"([^"]*)"', register)
    return match.group(1) if match else None


def struct_comments(source):
    """Type name → the comment lines above it (marker block and doc comment, blank lines between)."""
    lines = source.split("\n")
    result = {}
    for index, line in enumerate(lines):
        match = STRUCT.match(line)
        if not match:
            continue
        comments = []
        cursor = index - 1
        blanks = 0
        while cursor >= 0:
            text = lines[cursor].strip()
            if text.startswith("//"):
                comments.append(text)
                blanks = 0
            elif text == "" and blanks == 0:
                blanks += 1
            else:
                break
            cursor -= 1
        result[match.group(1)] = comments
    return result


def lifecycle(source):
    """Type name → {introduced, deprecated, removed: minor, replacement: (group, version, kind)}."""
    result = {}
    for name, which, value in LIFECYCLE_FUNC.findall(source):
        entry = result.setdefault(name, {})
        if which == "Replacement":
            match = GVK.search(value)
            if match:
                entry["replacement"] = match.groups()
        else:
            major, minor = (int(part) for part in value.split(","))
            if major != 1:
                raise SystemExit(f"unexpected major version {major} for {name}")
            entry[which.lower()] = minor
    return result


def read_release(repositories, minor):
    """(apiVersion, kind) → {registered, lifecycle, comment-deprecated, comment-removed} at a release."""
    kinds = {}
    for position, root in SOURCES:
        repository = repositories[position]
        tag = release_tag(minor, position)
        files = repository.files(tag, root.rstrip("/"))
        packages = sorted({path.rsplit("/", 1)[0] for path in files if path.endswith("/register.go")})
        for package in packages:
            relative = package[len(root):]
            parts = relative.split("/")
            if len(parts) != (1 if root else 2) or not VERSION.match(parts[-1]):
                continue
            if not root and parts[0] in NOT_SERVED_PACKAGES:
                continue
            version = parts[-1]
            group = group_name(repository.show(tag, package + "/register.go"))
            if group is None:
                raise SystemExit(f"no GroupName in {package}/register.go at {tag}")
            api_version = f"{group}/{version}" if group else version
            sources = [path for path in files if path.startswith(package + "/") and path.count("/") == package.count("/") + 1]
            comments = {}
            for path in sources:
                if path.endswith(".go") and not path.endswith("_test.go") and "/zz_generated" not in path:
                    comments.update(struct_comments(repository.show(tag, path)))
            generated = package + "/zz_generated.prerelease-lifecycle.go"
            cycles = lifecycle(repository.show(tag, generated)) if generated in sources else {}
            register = repository.show(tag, package + "/register.go")
            for name, lines in comments.items():
                if name.endswith("List") or f"&{name}{{}}" not in register:
                    continue
                text = " ".join(line.lstrip("/ ") for line in lines)
                deprecated = DEPRECATED_COMMENT.search(text)
                not_served = NOT_SERVED_COMMENT.search(text)
                kinds[(api_version, name)] = {
                    "resource": "// +genclient" in lines,
                    "listed": "// +genclient" in lines and not any(
                        line.startswith(("// +genclient:onlyVerbs", "// +genclient:noVerbs")) for line in lines),
                    "lifecycle": cycles.get(name),
                    "commentDeprecated": int(deprecated.group(1)) if deprecated else None,
                    "commentRemoved": int(not_served.group(1)) if not_served else None,
                }
    return kinds


def main(paths):
    wheels = []
    if "--openapi" in paths:
        at = paths.index("--openapi")
        paths, wheels = paths[:at], paths[at + 1:]
    if len(paths) != 3:
        raise SystemExit(__doc__)
    repositories = [Repository(path) for path in paths]
    minors = list(range(FIRST_MINOR, LAST_MINOR + 1))
    releases = {minor: read_release(repositories, minor) for minor in minors}
    # A registered type is a kind if some release makes it a resource (`+genclient`; old releases
    # lack the marker on a few, such as extensions/v1beta1 NetworkPolicy) or a subresource body.
    keys = sorted({key for kinds in releases.values() for key, info in kinds.items()
                   if info["resource"] or key[1] in SUBRESOURCE_KINDS})
    listed = {key for kinds in releases.values() for key, info in kinds.items() if info["listed"]}

    table = {}
    for key in keys:
        # The lifecycle the newest release generated stands for the releases before the tags existed
        # (tags written for old APIs were corrected later: extensions/v1beta1 NetworkPolicy first
        # said removed in 1.18, then 1.16), and so does the newest "no longer served" comment.
        later = [releases[minor][key]["lifecycle"] for minor in minors if key in releases[minor] and releases[minor][key]["lifecycle"]]
        later_comment_removed = [releases[minor][key]["commentRemoved"] for minor in minors
                                 if key in releases[minor] and releases[minor][key]["commentRemoved"]]
        served = []
        deprecated_from = None
        replacement = None
        for minor in minors:
            info = releases[minor].get(key)
            if info is None:
                continue
            cycle = info["lifecycle"] or (later[-1] if later else None)
            removed = cycle.get("removed") if cycle else None
            if removed is None and key in KNOWN_REMOVALS:
                removed = KNOWN_REMOVALS[key]
            if removed is None and later_comment_removed:
                removed = later_comment_removed[-1]
            introduced = cycle.get("introduced") if cycle else None
            if removed is not None and removed <= minor:
                continue
            if introduced is not None and introduced > minor:
                continue
            served.append(minor)
            deprecated = cycle.get("deprecated") if cycle else None
            if deprecated is None:
                deprecated = info["commentDeprecated"]
            if deprecated is not None and deprecated <= minor and deprecated_from is None:
                deprecated_from = minor
            if cycle and cycle.get("replacement"):
                replacement = cycle["replacement"]
                # networking.k8s.io/v1beta1 IngressClass names "IngressClassList" (a slip in its tag).
                if replacement[2] == key[1] + "List":
                    replacement = (replacement[0], replacement[1], key[1])
        if not served:
            continue
        if served != list(range(served[0], served[-1] + 1)):
            raise SystemExit(f"{key} is served in releases that are not one range: {served}")
        table[key] = {
            "listed": key in listed,
            "first": served[0], "last": served[-1], "deprecated": deprecated_from, "replacement": replacement,
        }

    openapi = read_openapi_roots(wheels)
    if LAST_MINOR not in openapi:
        raise SystemExit(f"give the Python client of 1.{LAST_MINOR} after --openapi (see the usage)")
    # Kinds the released API serves that its pre-release tag lacked: added in that release.
    for key in openapi[LAST_MINOR]:
        if key not in table:
            table[key] = {"listed": True, "first": LAST_MINOR, "last": LAST_MINOR, "deprecated": None, "replacement": None}
    compare_with_openapi(table, openapi)

    lines = []
    for (api_version, kind), row in sorted(table.items()):
        fields = [api_version, kind, str(row["first"]), str(row["last"]) if row["last"] != LAST_MINOR else "-",
                  str(row["deprecated"]) if row["deprecated"] else "-"]
        if row["replacement"]:
            group, version, replacement_kind = row["replacement"]
            target = f"{group}/{version}" if group else version
            fields.append(target if replacement_kind == kind else f"{target}:{replacement_kind}")
        lines.append(" ".join(fields))

    commits = {
        name: [repositories[position].commit(release_tag(minor, position))[:12] for minor in minors]
        for name, position in (("k8s.io/api", 0), ("apiextensions-apiserver", 1), ("kube-aggregator", 2))
    }
    print("// Generated by scripts/generate-api-lifecycle.py; do not edit.")
    print(f"// Inputs: the commits of tags kubernetes-1.{FIRST_MINOR}.0 to 1.{LAST_MINOR} (1.37: its latest pre-release) in")
    for name, hashes in commits.items():
        print(f"// {name}: " + " ".join(hashes))
    print("// Format: see APIVersionTable.swift.")
    print()
    print("extension APIVersionTable {")
    print(f"    static let lifecycleReleases: ClosedRange<Int> = {FIRST_MINOR}...{LAST_MINOR}")
    print()
    print("    static let generatedText = #\"\"\"")
    print("\n".join(lines))
    print("\"\"\"#")
    print("}")
    print(f"{len(lines)} apiVersion/kind rows over releases 1.{FIRST_MINOR}-1.{LAST_MINOR}", file=sys.stderr)


def read_openapi_roots(wheels):
    """Release minor → the (apiVersion, kind) its OpenAPI document describes, through the Python
    client generated from it (read as scripts/generate-kubernetes-schema.py reads it)."""
    import importlib.util
    import os
    import zipfile
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("schema", os.path.join(here, "generate-kubernetes-schema.py"))
    schema = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(schema)
    roots = {}
    for wheel in wheels:
        archive = zipfile.ZipFile(wheel)
        roots[schema.release_minor(archive)] = set(schema.read_roots(archive, schema.read_models(archive)))
    return roots


def compare_with_openapi(table, openapi):
    """Reports, on stderr, where the table and a release's OpenAPI document disagree. Expected:
    a release that stops serving an apiVersion by default may still describe it (1.16 kept the
    apps/v1beta* and extensions/v1beta1 workloads behind --runtime-config), and some documents
    leave alpha versions out (1.18 lacks discovery.k8s.io/v1alpha1)."""
    for minor, roots in sorted(openapi.items()):
        # Kinds that are only created (reviews, subresource bodies) have no list type in the client.
        ours = {key for key, row in table.items() if row["first"] <= minor <= row["last"] and row["listed"]}
        for key in sorted(ours - roots):
            print(f"1.{minor}: table serves {key}, the OpenAPI document does not", file=sys.stderr)
        for key in sorted(roots - ours):
            row = table.get(key)
            note = " (removed by default in this release)" if row and row["last"] + 1 == minor else ""
            print(f"1.{minor}: the OpenAPI document serves {key}, the table does not{note}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
