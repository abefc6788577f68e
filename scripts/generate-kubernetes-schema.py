#!/usr/bin/env python3
"""Builds kubelint's table of Kubernetes object fields from the official Python client.

The Kubernetes Python client (PyPI package `kubernetes`) is generated from the API server's
OpenAPI document of one release. Each model class carries `openapi_types` (older releases:
`swagger_types`) and `attribute_map`: every field's JSON name and type. Required fields show as
setters that refuse None (older generators) or as fields without `Optional[...]` (newer ones).
The `*List` response types of each `<group>_<version>_api.py` tell which models are top-level
kinds, and the API paths name their group and version. A kind's `>N` says that no sampled release
up to 1.N serves it at that apiVersion; `<N` that 1.N is the last sampled release that does.

Several releases are merged so that old apiVersions (extensions/v1beta1 Ingress, apps/v1beta1,
...) keep a schema, and so that a field added in a later release is known as absent from the
releases sampled before it ("absent through 1.N").

Two facts come from the API's definitions beyond the fields' types:

- Cluster-scoped kinds: a kind is namespaced when its API file has a `list_namespaced_*` call
  returning its list type (`/namespaces/{namespace}/...` paths); the others are cluster-scoped,
  and the API server ignores their `metadata.namespace`.
- Defaulted fields: Go's JSON decoding cannot tell an absent field from its zero value ("" or 0)
  when the field is not a pointer, and the API server's defaulting then fills it in. A field is
  marked defaulted when its Go type in k8s.io/api (the Go sources given with --go-api) is a
  string, integer or int-or-string value, not a pointer, and its description (from the client,
  the Go comments' text) states a default ("Defaults to ...", "Default is ...", "(default)",
  "If not specified, ... is used"). A pointer field keeps "" as a value: `preemptionPolicy: ""`
  is rejected although the field has a default. Required fields are never marked (the API
  server asks for a value). Types that k8s.io/api does not hold (ObjectMeta, CRDs, APIService)
  are never marked.

The Go sources are read only for that: which fields are plain values. What they answer is kept
in scripts/schema-inputs/go-value-fields.json (`--write-go-facts`), a pinned input like the
wheels' hashes, so that the table can be regenerated and checked where k8s.io/api cannot be
fetched (`--go-facts`, as CI does); scripts/check-schema-table.sh checks that file against the
Go sources wherever they are present.

Usage (writes the Swift file; prints a summary to stderr). The inputs are pinned: the client
wheels by version, k8s.io/api by tag (kubernetes-1.37.0-beta.0 for the newest types, and
kubernetes-1.13.9 for types later removed). The table in the repository was generated from
these (sha256 of each wheel; commit of each tag):

    kubernetes-9.0.1    ec360d9bae6ac67081f81bca23870822a5ff1508dffad6f20a5a2a03f20032c5
    kubernetes-12.0.1   23c85d8571df8f56e773f1a413bc081537536dc47e2b5e8dc2e6262edb2c57ca
    kubernetes-18.20.0  ff31ec17437293e7d4e1459f1228c42d27c7724dfb56b4868aba7a901a5b72c9
    kubernetes-21.7.0   044c20253f8577491a87af8f9edea1f929ed6d62ce306376a6cb8aed24e572c5
    kubernetes-24.2.0   da19d58865cf903a8c7b9c3691a2e6315d583a98f0659964656dfdf645bf7e49
    kubernetes-28.1.0   10f56f8160dcb73647f15fafda268e7f60cf7dbc9f8e46d52fcd46d3beb0c18d
    kubernetes-33.1.0   544de42b24b64287f7e0aa9513c93cb503f7f40eea39b20f66810011a86eabc5
    kubernetes-37.0.2   d72683392fc10f59fb78b89bd91cb3be60a05d6ff0bbb2150966a224af6edc03
    k8s.io/api kubernetes-1.37.0-beta.0  1c293eaf810b123325bc7d2c0b9682ff8806aaee
    k8s.io/api kubernetes-1.13.9         5e2f71e44c7fbe9ff9e3eb3f66f51d07e48183cf

    scripts/check-schema-table.sh --fetch-wheels          # the wheels into /tmp/k8s-clients
    for tag in kubernetes-1.37.0-beta.0 kubernetes-1.13.9; do
        git clone --quiet --depth 1 --branch $tag https://github.com/kubernetes/api /tmp/k8s-api/$tag
    done
    python3 scripts/generate-kubernetes-schema.py \
        --go-api /tmp/k8s-api/kubernetes-1.37.0-beta.0 --go-api /tmp/k8s-api/kubernetes-1.13.9 \
        --write-go-facts scripts/schema-inputs/go-value-fields.json \
        $(for v in 9.0.1 12.0.1 18.20.0 21.7.0 24.2.0 28.1.0 33.1.0 37.0.2; do
              echo /tmp/k8s-clients/kubernetes-$v-py2.py3-none-any.whl; done) \
        > Sources/KubeLintSchema/Generated/KubernetesSchemaTable.swift

scripts/check-schema-table.sh checks that the committed table is what these inputs generate.

The output format is described in Sources/KubeLintSchema/SchemaTable.swift.
"""

import argparse
import ast
import json
import os
import re
import sys
import zipfile

# Fields whose Go type is intstr.IntOrString; the client types them as `object`.
INT_OR_STRING_FIELDS = {"port", "targetPort", "servicePort", "maxSurge", "maxUnavailable", "minAvailable"}

# Fields whose Go type is resource.Quantity (or a map of them); the client types them as `str`.
QUANTITY_MAP_FIELDS = {
    "limits", "requests", "hard", "used", "capacity", "allocatable", "podFixed", "overhead",
    "default", "defaultRequest", "max", "min", "maxLimitRequestRatio", "allocatedResources",
}
# (Type without version prefix, field) of every resource.Quantity field (k8s.io/api types.go).
QUANTITY_FIELDS = {
    ("EmptyDirVolumeSource", "sizeLimit"),
    ("ResourceFieldSelector", "divisor"),
    ("CSIStorageCapacity", "capacity"),
    ("CSIStorageCapacity", "maximumVolumeSize"),
    ("MetricTarget", "value"),
    ("MetricTarget", "averageValue"),
    ("MetricValueStatus", "value"),
    ("MetricValueStatus", "averageValue"),
    ("ObjectMetricSource", "targetValue"),
    ("ObjectMetricSource", "averageValue"),
    ("PodsMetricSource", "targetAverageValue"),
    ("ResourceMetricSource", "targetAverageValue"),
    ("ContainerResourceMetricSource", "targetAverageValue"),
    ("ExternalMetricSource", "targetValue"),
    ("ExternalMetricSource", "targetAverageValue"),
    ("DeviceCapacity", "value"),
    ("Counter", "value"),
    ("CapacityRequestPolicy", "default"),
    ("CapacityRequestPolicy", "validValues"),
    ("CapacityRequestPolicyRange", "min"),
    ("CapacityRequestPolicyRange", "max"),
    ("CapacityRequestPolicyRange", "step"),
    ("NodeAllocatableMappedResources", "quantity"),
    ("NodeAllocatableOverheadResources", "perContainer"),
    ("NodeAllocatableOverheadResources", "perPod"),
}

# Description wording that states what the API server uses when a field is left out.
DEFAULT_WORDING = re.compile(
    r"\bdefaults? (?:to|is)\b"                # "Defaults to File", "Default is RollingUpdate"
    r"|\bdefault to\b"                        # "Default to Always"
    r"|\(default\b"                           # "Allow" (default), Retain (default for ...)
    r"|\bthe default (?:value|policy)\b"       # "The default value, "Cluster", ..."
    r"|\bif (?:this is |this field is |it is )?(?:not specified|unspecified|unset|omitted|not set)\b"
    r"[^.]*\b(?:is|will be) used\b",           # targetPort: "the value of the 'port' field is used"
    re.IGNORECASE,
)

# Go types whose zero value ("" or 0) the API server cannot tell from an absent field.
GO_VALUE_TYPES = {"string", "int", "int32", "int64", "intstr.IntOrString"}
GO_FIELD = re.compile(r'^\t(\w+)\s+([^\s`]+)\s+`json:"([^",]*)')
# An embedded struct (`json:",inline"`, `json:""` or no tag): its fields are the outer struct's.
GO_EMBEDDED = re.compile(r'^\t\*?([A-Za-z_][\w.]*)\s*(?:`json:"(?:,inline)?"[^`]*`)?\s*(?://.*)?$')
GO_SCALAR = re.compile(r"^type (\w+) (string|u?int(?:8|16|32|64)?)\s*$")

# Models that stand for arbitrary JSON rather than an object with fields.
FREE_FORM_MODELS = {"RuntimeRawExtension"}

VERSION_PREFIX = re.compile(r"^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])")


def base_name(class_name):
    """`ExtensionsV1beta1HTTPIngressPath` → `HTTPIngressPath`."""
    match = VERSION_PREFIX.match(class_name)
    return class_name[match.end():] if match else class_name


def release_minor(archive):
    text = archive.read("kubernetes/client/configuration.py").decode()
    match = re.search(r"release-1\.(\d+)", text) or re.search(r"OpenAPI spec version: v1\.(\d+)", text)
    if not match:
        raise SystemExit("cannot tell the Kubernetes release of the client")
    return int(match.group(1))


def literal_assignment(statement, names):
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        target, value = statement.targets[0].id, statement.value
    elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
        target, value = statement.target.id, statement.value
    else:
        return None, None
    if target not in names:
        return None, None
    try:
        return target, ast.literal_eval(value)
    except ValueError:
        return None, None


def is_optional_annotation(annotation):
    text = ast.unparse(annotation)
    return text.startswith("Optional[") or "None" in text


def has_default(value):
    if value is None:
        return False
    if isinstance(value, ast.Call):
        return any(keyword.arg in ("default", "default_factory") for keyword in value.keywords)
    return True


def required_fields(class_node, attribute_map):
    """Attribute names of the fields the model refuses to leave empty."""
    required = set()
    for statement in class_node.body:
        # Newer generator: `name: StrictInt = Field(...)` without Optional and without a default.
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
            if name in attribute_map and not is_optional_annotation(statement.annotation) and not has_default(statement.value):
                required.add(name)
        # Older generators: a setter that raises when given None.
        if isinstance(statement, ast.FunctionDef):
            decorators = [ast.unparse(d) for d in statement.decorator_list]
            if any(d.endswith(".setter") for d in decorators) and statement.name in attribute_map:
                if "must not be `None`" in ast.unparse(statement):
                    required.add(statement.name)
    return required


def field_descriptions(class_node, attribute_map):
    """JSON field name → description: the getter's docstring (older generators) or the
    `Field(description=...)` of the attribute (newer ones)."""
    descriptions = {}
    for statement in class_node.body:
        if isinstance(statement, ast.FunctionDef) and statement.name in attribute_map \
                and any(ast.unparse(d) == "property" for d in statement.decorator_list):
            # "Gets the x of this Model.", the description, then ":return:" lines.
            lines = (ast.get_docstring(statement) or "").split("\n")[1:]
            text = " ".join(line.strip() for line in lines if line.strip() and not line.strip().startswith(":"))
            descriptions[attribute_map[statement.name]] = text
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                and statement.target.id in attribute_map and isinstance(statement.value, ast.Call):
            for keyword in statement.value.keywords:
                if keyword.arg == "description":
                    descriptions[attribute_map[statement.target.id]] = ast.literal_eval(keyword.value)
    return descriptions


def read_models(archive):
    models = {}
    for name in archive.namelist():
        if not re.match(r"kubernetes/client/models/[a-z0-9_]+\.py$", name) or name.endswith("__init__.py"):
            continue
        tree = ast.parse(archive.read(name).decode())
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            types = attribute_map = None
            for statement in node.body:
                target, value = literal_assignment(statement, {"openapi_types", "swagger_types", "attribute_map"})
                if target in ("openapi_types", "swagger_types"):
                    types = value
                elif target == "attribute_map":
                    attribute_map = value
            if types is None or attribute_map is None:
                continue
            required = required_fields(node, attribute_map)
            descriptions = field_descriptions(node, attribute_map)
            models[node.name] = {
                attribute_map[attribute]: (python_type, attribute in required, descriptions.get(attribute_map[attribute], ""))
                for attribute, python_type in types.items()
            }
    return models


def read_roots(archive, models):
    """(apiVersion, kind) → model name, from the list responses of each versioned API file."""
    roots = {}
    for name in archive.namelist():
        match = re.match(r"kubernetes/client/apis?/([a-z0-9_]+)_api\.py$", name)
        if not match or not re.search(r"_v\d+((alpha|beta)\d+)?$", match.group(1)):
            continue
        text = archive.read(name).decode()
        path = re.search(r"['\"]/api/v1/|['\"]/apis/([a-z0-9.\-]+)/(v\d+(?:(?:alpha|beta)\d+)?)/", text)
        if not path:
            continue
        api_version = "v1" if path.group(0)[1:].startswith("/api/v1/") else f"{path.group(1)}/{path.group(2)}"
        namespaced_lists = namespaced_list_models(text)
        for list_model in sorted(set(re.findall(r"['\"](\w+List)['\"]", text))):
            items = models.get(list_model, {}).get("items")
            if not items:
                continue
            item = re.fullmatch(r"(?:list|List)\[(\w+)\]", items[0])
            if not item or item.group(1) not in models:
                continue
            model = item.group(1)
            if "apiVersion" in models[model] and "kind" in models[model]:
                roots[(api_version, base_name(model))] = (model, list_model in namespaced_lists)
    return roots


def namespaced_list_models(api_text):
    """The list types that some `list_namespaced_*` call of an API file returns: the kinds
    that live in namespaces."""
    lists = set()
    for match in re.finditer(r"\n    def (list_namespaced_\w+)\(", api_text):
        end = api_text.find("\n    def ", match.end())
        lists.update(re.findall(r"\b(\w+List)\b", api_text[match.end(): end if end >= 0 else len(api_text)]))
    return lists


def read_go_api(root):
    """The structs of a k8s.io/api tree: (group, version, type) → {JSON name: Go type}, with the
    fields of inline (embedded) structs, and the set of named scalar types (`type Protocol
    string`) by (group, version, name)."""
    structs, inlined, scalars = {}, {}, set()
    for group in sorted(os.listdir(root)):
        for version in sorted(os.listdir(os.path.join(root, group)) if os.path.isdir(os.path.join(root, group)) else []):
            directory = os.path.join(root, group, version)
            if not re.fullmatch(r"v\d+(?:(?:alpha|beta)\d+)?", version) or not os.path.isdir(directory):
                continue
            for name in sorted(os.listdir(directory)):
                if not name.endswith(".go") or name.endswith("_test.go") or name.startswith(("zz_", "generated")):
                    continue
                current = None
                with open(os.path.join(directory, name), encoding="utf-8") as source:
                    for line in source:
                        struct = re.match(r"^type (\w+) struct \{", line)
                        if struct:
                            key = (group, version, struct.group(1))
                            current = structs.setdefault(key, {})
                            continue
                        scalar = GO_SCALAR.match(line)
                        if scalar:
                            scalars.add((group, version, scalar.group(1)))
                        elif line.startswith("}"):
                            current = None
                        elif current is not None:
                            field = GO_FIELD.match(line)
                            if field and field.group(3):
                                current[field.group(3)] = field.group(2)
                            embedded = GO_EMBEDDED.match(line)
                            if embedded:
                                inlined.setdefault(key, []).append(embedded.group(1))
    for key, embedded_types in inlined.items():
        for embedded in embedded_types:
            structs[key].update({k: v for k, v in structs.get((key[0], key[1], embedded), {}).items() if k not in structs[key]})
    return structs, scalars


def is_go_value_field(go_type, group, version, scalars):
    """Whether a Go field type is a string, integer or int-or-string held by value."""
    if go_type in GO_VALUE_TYPES or (group, version, go_type) in scalars:
        return True
    # A named type of another package (`v1.Protocol`): a scalar wherever it is declared.
    qualified = re.fullmatch(r"\w+\.(\w+)", go_type)
    return bool(qualified) and any(name == qualified.group(1) for _, _, name in scalars)


def go_value_field(model, field, go_trees):
    """True when every k8s.io/api struct that the client model stands for holds `field` by value
    (not a pointer, list or map); None when no tree has the struct or the field."""
    match = re.match(r"^((?:[A-Z][a-z]+)*)V(\d+(?:(?:alpha|beta)\d+)?)(?=[A-Z])", model)
    if not match:
        return None
    group_word, version, type_name = match.group(1).lower(), "v" + match.group(2), model[match.end():]
    answers = set()
    for structs, scalars in go_trees:
        for (group, struct_version, name), fields in structs.items():
            # The client prefixes a group word only to tell apart types of the same name.
            if struct_version != version or name != type_name or (group_word and group != group_word):
                continue
            if field in fields:
                answers.add(is_go_value_field(fields[field], group, struct_version, scalars))
    return answers.pop() if len(answers) == 1 else (False if answers else None)


def encode(python_type, field, owner_base):
    """The table's type code for a client type (see SchemaTable.swift)."""
    list_match = re.fullmatch(r"(?:list|List)\[(.+)\]", python_type)
    if list_match and list_match.group(1) == "str" and (owner_base, field) in QUANTITY_FIELDS:
        return "[q"
    if list_match:
        return "[" + encode(list_match.group(1), field, owner_base)
    map_match = re.fullmatch(r"(?:dict\(str, (.+)\)|Dict\[str, (.+)\])", python_type)
    if map_match:
        inner = map_match.group(1) or map_match.group(2)
        if inner == "str" and field in QUANTITY_MAP_FIELDS:
            return "{q"
        return "{" + encode(inner, field, owner_base)
    if python_type == "str":
        return "q" if (owner_base, field) in QUANTITY_FIELDS else "s"
    if python_type == "object":
        return "x" if field in INT_OR_STRING_FIELDS else "*"
    simple = {"int": "i", "float": "n", "bool": "b", "datetime": "t", "date": "t", "bytes": "y", "bytearray": "y"}
    if python_type in simple:
        return simple[python_type]
    if python_type in FREE_FORM_MODELS:
        return "*"
    return python_type


def referenced(code):
    name = code.lstrip("[{")
    return name if len(name) > 1 else None


class GoFacts:
    """Whether a client model's field is a plain value in k8s.io/api: read from Go source trees,
    or from a file of the answers written earlier from them."""

    def __init__(self, go_api_roots=None, facts_file=None):
        if facts_file:
            with open(facts_file, encoding="utf-8") as source:
                facts = json.load(source)
            self.tags, self.answers, self.trees = facts["tags"], facts["valueFields"], None
        else:
            self.tags = [os.path.basename(os.path.normpath(root)) for root in go_api_roots]
            self.answers, self.trees = {}, [read_go_api(root) for root in go_api_roots]

    def value_field(self, model, field):
        key = f"{model}.{field}"
        if self.trees is None:
            if key not in self.answers:
                sys.exit(f"{key}: not in the Go facts file; regenerate it from k8s.io/api (--go-api ... --write-go-facts)")
            return self.answers[key]
        self.answers[key] = go_value_field(model, field, self.trees)
        return self.answers[key]

    def write(self, path):
        with open(path, "w", encoding="utf-8") as output:
            json.dump({"tags": self.tags, "valueFields": dict(sorted(self.answers.items()))}, output, indent=0, sort_keys=False)
            output.write("\n")


def main(wheels, go_facts):
    releases = []
    for wheel in wheels:
        archive = zipfile.ZipFile(wheel)
        models = read_models(archive)
        releases.append((release_minor(archive), models, read_roots(archive, models)))
    releases.sort(key=lambda release: release[0])
    minors = [minor for minor, _, _ in releases]

    # Each root keeps the model name and scope of the newest release that serves it, and the
    # newest sampled release before the first one that serves it.
    roots = {}
    root_namespaced = {}
    root_first = {}
    root_last = {}
    for minor, _, release_roots in releases:
        for key, (model, namespaced) in release_roots.items():
            roots[key] = model
            root_namespaced[key] = namespaced
            root_first.setdefault(key, minor)
            root_last[key] = minor
    root_absent_through = {
        key: max((minor for minor in minors if minor < first), default=None)
        for key, first in root_first.items()
    }

    # Fields of a model: the union over releases; type and description from the newest release
    # with the field; required only when every release with the field requires it.
    merged = {}
    seen_in = {}
    for minor, models, _ in releases:
        for model, fields in models.items():
            seen_in.setdefault(model, []).append(minor)
            entry = merged.setdefault(model, {})
            for field, (python_type, required, description) in fields.items():
                previous = entry.get(field)
                entry[field] = {
                    "type": python_type,
                    "required": required and (previous is None or previous["required"]),
                    "first": previous["first"] if previous else minor,
                    "description": description or (previous["description"] if previous else ""),
                }
    for model, fields in merged.items():
        for name, field in fields.items():
            earlier = [minor for minor in seen_in[model] if minor < field["first"]]
            field["absentThrough"] = max(earlier) if earlier else None
            field["defaulted"] = (
                not field["required"]
                and bool(DEFAULT_WORDING.search(field["description"]))
                and go_facts.value_field(model, name) is True
            )

    # Keep what the roots reach; `status` is free-form (the API server ignores it on write).
    reachable = []
    pending = sorted(set(roots.values()))
    visited = set()
    while pending:
        model = pending.pop()
        if model in visited or model not in merged:
            continue
        visited.add(model)
        reachable.append(model)
        owner = base_name(model)
        for field, info in merged[model].items():
            if model in roots.values() and field == "status":
                continue
            target = referenced(encode(info["type"], field, owner))
            if target and target not in visited:
                pending.append(target)
    reachable.sort()

    lines = []
    for (api_version, kind), model in sorted(roots.items()):
        absent = root_absent_through[(api_version, kind)]
        last = root_last[(api_version, kind)]
        flags = (f" >{absent}" if absent is not None else "") + (f" <{last}" if last != minors[-1] else "")
        if not root_namespaced[(api_version, kind)]:
            flags += " cluster"
        lines.append(f"@{api_version} {kind} {model}" + flags)
    for model in reachable:
        lines.append(f"={model}")
        owner = base_name(model)
        is_root = model in roots.values()
        for field in sorted(merged[model]):
            info = merged[model][field]
            code = "*" if is_root and field == "status" else encode(info["type"], field, owner)
            if referenced(code) and referenced(code) not in merged:
                code = code[: len(code) - len(code.lstrip("[{"))] + "*"
            flags = ""
            if info["required"]:
                flags += " !"
            if info["defaulted"]:
                flags += " d"
            if info["absentThrough"] is not None:
                flags += f" >{info['absentThrough']}"
            lines.append(f"{field} {code}{flags}")

    table = "\n".join(lines)
    print("// Generated by scripts/generate-kubernetes-schema.py; do not edit.")
    print("// Regenerate: see the script's header (Kubernetes Python client wheels for releases")
    print("// " + ", ".join(f"1.{minor}" for minor in minors) + "; k8s.io/api "
          + ", ".join(go_facts.tags) + ").")
    print("// Format: see SchemaTable.swift.")
    print()
    print("extension SchemaTable {")
    print(f"    static let sampledMinorVersions: [Int] = [{', '.join(str(minor) for minor in minors)}]")
    print()
    print("    static let generatedText = #\"\"\"")
    print(table)
    print("\"\"\"#")
    print("}")
    defaulted = sum(1 for line in lines if line.endswith(" d") or " d >" in line)
    cluster = sum(1 for line in lines if line.startswith("@") and line.endswith(" cluster"))
    print(f"{len(roots)} roots ({cluster} cluster-scoped), {len(reachable)} types, {defaulted} defaulted fields, "
          f"{len(table)} bytes of table", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--go-api", action="append", metavar="DIR",
                        help="a k8s.io/api source tree (repeatable): which fields are plain values")
    parser.add_argument("--go-facts", metavar="FILE",
                        help="instead of --go-api: the answers written earlier with --write-go-facts")
    parser.add_argument("--write-go-facts", metavar="FILE", help="with --go-api: write the answers the Go sources gave")
    parser.add_argument("wheels", nargs="+", metavar="WHEEL", help="Kubernetes Python client wheels")
    arguments = parser.parse_args()
    if bool(arguments.go_api) == bool(arguments.go_facts):
        parser.error("give either --go-api (k8s.io/api source trees) or --go-facts")
    if arguments.write_go_facts and not arguments.go_api:
        parser.error("--write-go-facts needs --go-api")
    facts = GoFacts(go_api_roots=arguments.go_api, facts_file=arguments.go_facts)
    main(arguments.wheels, facts)
    if arguments.write_go_facts:
        facts.write(arguments.write_go_facts)
