import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct DefaultNamespaceRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "default-namespace",
        severity: .info,
        category: .security,
        summary: "An object lands in the default namespace",
        rationale: """
            Namespaces are the boundary of RBAC roles, quotas, Pod Security levels and network \
            policies. Objects in `default` share it with whatever else was put there without \
            thought, and cannot be given rules of their own (CIS Kubernetes Benchmark 5.7.1, \
            5.7.4). An object that names no namespace lands in the configuration's \
            `defaultNamespace` (`default` unless set), or wherever `kubectl -n` says. \
            Cluster-scoped kinds are not judged.
            """,
        remediation: "Give the objects their own namespace (`metadata.namespace`, kustomize's `namespace`, or `defaultNamespace` in .kubelint.yaml for `kubectl -n`).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ↓settings
                data:
                  MODE: fast
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                  namespace: ↓default
                data:
                  MODE: fast
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: shop
                data:
                  MODE: fast
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: reader
                rules: []
                """),
        ],
        equivalents: ["kube-linter:use-namespace"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard !resource.isKustomization, !context.index.isClusterScoped(resource), resource.kind != nil,
              context.index.namespace(of: resource) == "default" else { return [] }
        let written = resource.metadata.namespace.unlessEmpty
        let how = written == nil ? "names no namespace and lands in default" : "is in the default namespace"
        return [finding("\(resource.kindAndName) \(how), which it shares with whatever else was put there", at: written?.mark ?? resource.nameMark, in: resource)]
    }
}
