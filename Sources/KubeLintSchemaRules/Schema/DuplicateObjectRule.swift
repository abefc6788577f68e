import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct DuplicateObjectRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-object",
        severity: .error,
        category: .schema,
        summary: "The same object (group, kind, namespace, name) is defined twice",
        rationale: """
            The API server keeps one object per group, kind, namespace and name. Defined twice in \
            one tree, `kubectl create` refuses the second ("already exists"), and `kubectl apply` \
            silently lets the later definition overwrite the earlier: one of the two, often the \
            one someone just edited, never reaches the cluster. apiVersions of one group are the \
            same object (`extensions/v1beta1` and `apps/v1` Deployment are not: they are different \
            groups), and cluster-scoped kinds have no namespace. A kustomize tree builds each \
            directory with a kustomization.yaml on its own (a base and its overlays, or two \
            overlays, are different builds), so an object is compared only with the objects that \
            share its nearest kustomization directory. Two copies with the same content, whatever \
            their layout or key order (a dump kept as YAML and as JSON), change nothing when \
            applied together: that is a warning, about the redundant copy.
            """,
        remediation: "Remove one of the two definitions, or rename one of the objects.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data: {mode: fast}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ↓settings
                data: {mode: safe}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: staging
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: production
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: settings
                spec:
                  ports: [{port: 80}]
                ---
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: settings
                """),
        ]
    )

    private struct ObjectKey: Hashable {
        var group: String
        var kind: String
        var namespace: String
        var name: String
        /// The nearest directory with a kustomization: each is a build of its own.
        var build: String
    }

    package func check(_ context: LintContext) -> [Finding] {
        let index = context.index
        let builds = KustomizeBuilds(index.resources)
        var first: [ObjectKey: Resource] = [:]
        var findings: [Finding] = []
        for resource in index.resources {
            guard !resource.isKustomization, let group = resource.group, let kind = resource.kind?.value,
                  let name = resource.name, !name.isEmpty else { continue }
            let key = ObjectKey(
                group: group, kind: kind, namespace: index.namespace(of: resource), name: name,
                build: builds.build(of: resource.source.file)
            )
            guard let earlier = first[key] else {
                first[key] = resource
                continue
            }
            // The same file named twice on the command line is read twice; it is one definition.
            if earlier.source == resource.source { continue }
            let place = key.namespace.isEmpty ? "" : " in namespace '\(key.namespace)'"
            let position = "\(earlier.source.file):\(earlier.nameMark.line):\(earlier.nameMark.column)"
            let identical = Self.sameContent(earlier.root, resource.root)
            let consequence = identical
                ? "with the same content: one copy is redundant (and `kubectl create` refuses the second)"
                : "applied together, the later definition overwrites the earlier"
            var duplicate = finding(
                "\(kind) \(name)\(place) is defined twice (first at \(position)); \(consequence)",
                at: resource.nameMark, in: resource,
                related: [earlier.related("first definition of \(kind) \(name)")]
            )
            // Identical copies (a dump kept as YAML and as JSON) apply to the same object:
            // nothing is lost, so this is a warning, not an error.
            if identical { duplicate.severity = .warning }
            findings.append(duplicate)
        }
        return findings
    }
}

extension DuplicateObjectRule {
    /// Whether two objects say the same, whatever their layout (flow or block, quoting, key
    /// order).
    /// Recursive, but parsed trees are depth-bounded (`YAMLLimits`).
    static func sameContent(_ lhs: Node, _ rhs: Node) -> Bool {
        switch (lhs.content, rhs.content) {
        case (.scalar(let left), .scalar(let right)):
            return left.resolved == right.resolved
        case (.sequence(let left), .sequence(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { sameContent($0, $1) }
        case (.mapping(let left), .mapping(let right)):
            // Key order carries no meaning (`kubectl get -o json` and `-o yaml` order keys
            // differently): pair the entries by key.
            guard left.count == right.count else { return false }
            let rightByKey = Dictionary(right.map { ($0.key.scalar?.resolved, $0.value) }, uniquingKeysWith: { first, _ in first })
            return left.allSatisfy { pair in
                guard pair.key.scalar != nil, let other = rightByKey[pair.key.scalar?.resolved] else { return false }
                return sameContent(pair.value, other)
            }
        default:
            return false
        }
    }
}

/// The directories a kustomize tree builds on their own: those with a kustomization file.
struct KustomizeBuilds {
    private let directories: Set<String>

    init(_ resources: [Resource]) {
        directories = Set(resources.filter(\.isKustomization).map { Self.directory(of: $0.source.file) })
    }

    /// The nearest directory above `file` that has a kustomization, or "" when none has.
    func build(of file: String) -> String {
        guard !directories.isEmpty else { return "" }
        var directory = Self.directory(of: file)
        while true {
            if directories.contains(directory) { return directory }
            guard let slash = directory.lastIndex(of: "/") else { return "" }
            directory = String(directory[..<slash])
        }
    }

    private static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash])
    }
}
