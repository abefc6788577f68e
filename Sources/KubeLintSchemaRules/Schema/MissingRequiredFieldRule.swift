import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct MissingRequiredFieldRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "missing-required-field",
        severity: .error,
        category: .schema,
        summary: "A field the API server requires is missing",
        rationale: """
            Without `apiVersion` and `kind` a document is not an object at all; without \
            `metadata.name`, a container's `name`, a port's `containerPort`, a volume's `name`, a \
            binding's `roleRef` or a `networking.k8s.io/v1` Ingress path's `pathType` (every field \
            the Kubernetes API marks required) the API server refuses the object.
            """,
        remediation: "Add the missing field to the mapping the finding points at.",
        triggeringExamples: [
            Example("""
                ↓kind: ConfigMap
                metadata:
                  name: settings
                """),
            Example("""
                apiVersion: ↓""
                kind: ConfigMap
                metadata:
                  name: settings
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - ↓image: nginx
                """),
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  rules:
                  - http:
                      paths:
                      - ↓path: /
                        backend:
                          service: {name: web, port: {number: 80}}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: web-
                spec:
                  containers:
                  - name: web
                    image: nginx
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    /// The decoder's required fields and the schema's, each missing field reported once.
    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        // Kustomization and other tool files are not API objects: nothing is required of them.
        if context[SchemaReport.self].classification(of: resource) == .toolConfiguration { return [] }
        let problems = context[SchemaReport.self].problems(for: resource)
        // `containerport: 80` is one problem, reported by unknown-field with its suggestion.
        var misspelt: Set<String> = []
        for problem in problems {
            if case .unknownField(_, let suggestion?, nil, _) = problem.kind { misspelt.insert(problem.path + "\u{0}" + suggestion) }
        }
        var findings: [Finding] = []
        var reported: Set<MissingField> = []
        // A workload of a kustomize base whose kustomization sets `commonLabels` gets its
        // selector from kustomize: the base leaves it out on purpose.
        if resource.workload != nil, KustomizePatches.isUnder(resource.source.file, anyOf: context[KustomizeSelectorLabels.self].paths) {
            reported.insert(MissingField(mark: resource.root["spec"]?.start ?? resource.mark, field: "selector"))
        }
        for issue in resource.issues {
            guard case .missingField(let field) = issue.kind, !misspelt.contains(issue.path + "\u{0}" + field) else { continue }
            if reported.insert(MissingField(mark: issue.mark, field: field)).inserted {
                findings.append(finding(issue.message, at: issue.mark, in: resource))
            }
        }
        for problem in problems where !problem.isCustomResource {
            if case .emptyField = problem.kind {
                findings.append(finding(problem.message, at: problem.mark, in: resource))
                continue
            }
            guard case .missingField(let field) = problem.kind else { continue }
            if reported.insert(MissingField(mark: problem.mark, field: field)).inserted {
                findings.append(finding(problem.message, at: problem.mark, in: resource))
            }
        }
        return findings
    }

    package static let facts: [any Fact.Type] = [SchemaReport.self, KustomizeSelectorLabels.self]

    private struct MissingField: Hashable {
        var mark: Mark
        var field: String
    }
}

/// Files and directories listed by a kustomization that adds labels to selectors
/// (`commonLabels`): their workloads get `spec.selector` from kustomize.
final class KustomizeSelectorLabels: Fact {
    let paths: Set<String>

    init(paths: Set<String>) {
        self.paths = paths
    }

    static func derive(from context: LintContext) -> KustomizeSelectorLabels {
        KustomizeSelectorLabels(paths: KustomizePatches.selectorLabelledPaths(in: context.tree.resources))
    }
}
