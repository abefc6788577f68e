import KubeLintModel

public struct NoObjectsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "no-objects",
        severity: .error,
        category: .input,
        summary: "The run found no Kubernetes object at all",
        rationale: """
            A lint step that checks nothing passes. A mistyped path, a tree that holds only \
            kustomization.yaml or Helm values files, or a rendering step that produced no \
            manifests would otherwise go green in CI. Paths that do not exist, directories \
            without YAML and empty files are reported by `file-unreadable` and `empty-file`; \
            this rule speaks only when nothing else explains why no object was checked.
            """,
        remediation: "Point kubelint at the directory or files that hold the manifests (or the rendered output of Helm or Kustomize).",
        triggeringExamples: [
            Example("""
                ↓apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - deployment.yaml
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: staging
                """),
            // Reported by empty-file alone.
            Example(""),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        guard context.tree.diagnostics.isEmpty else { return [] }
        let hasObjects = context.tree.resources.contains { resource in
            switch context.schema.classification(of: resource) {
            case .notAnObject, .toolConfiguration: false
            default: true
            }
        }
        guard !hasObjects else { return [] }
        let count = context.tree.files.count
        let files = count == 1 ? "the file read holds" : "the \(count) files read hold"
        return context.inputs.map { input in
            let path = input == "-" ? Loader.standardInputName : input
            return finding(
                "no Kubernetes objects in \(path): \(files) only tool configuration (such as kustomization.yaml) or YAML without apiVersion and kind",
                file: path, at: .start
            )
        }
    }
}
