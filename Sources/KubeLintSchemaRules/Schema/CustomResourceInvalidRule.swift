import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct CustomResourceInvalidRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [SchemaReport.self]

    package static let description = RuleDescription(
        id: "custom-resource-invalid",
        severity: .error,
        category: .schema,
        summary: "A custom resource does not match its CustomResourceDefinition's schema",
        rationale: """
            When the CustomResourceDefinition of a custom kind is in the tree, its \
            `openAPIV3Schema` says what the API server accepts: field types, required fields, \
            enums, and which fields exist (others are refused by `kubectl apply` or silently \
            pruned, unless the schema sets `x-kubernetes-preserve-unknown-fields`). kubelint \
            checks custom resources against it offline, and the apiVersion against the versions \
            the definition serves.
            """,
        remediation: "Change the resource to fit the schema, or the schema (and its operator) to accept it.",
        triggeringExamples: [
            Example("""
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedule: ↓3
                  retention: ↓weekly
                  ↓storagClass: fast
                """, otherFiles: ["crd.yaml": backupDefinition]),
            Example("""
                apiVersion: ↓example.com/v2
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                """, otherFiles: ["crd.yaml": backupDefinition]),
            Example("""
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  ↓retention: daily
                """, otherFiles: ["crd.yaml": backupDefinition]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                  retention: daily
                  keep: 7
                  options: {compress: true, anything: [1, 2]}
                status:
                  lastRun: "2024-01-01T03:00:00Z"
                """, otherFiles: ["crd.yaml": backupDefinition]),
            // apiextensions.k8s.io/v1beta1 kept unknown fields unless told otherwise.
            Example("""
                apiVersion: stable.example.com/v1
                kind: CronTab
                metadata:
                  name: every-five
                spec:
                  cronSpec: "*/5 * * * *"
                  image: cron:1.0
                """, otherFiles: ["crd.yaml": """
                    apiVersion: apiextensions.k8s.io/v1beta1
                    kind: CustomResourceDefinition
                    metadata:
                      name: crontabs.stable.example.com
                    spec:
                      group: stable.example.com
                      version: v1
                      scope: Namespaced
                      names: {plural: crontabs, kind: CronTab}
                      validation:
                        openAPIV3Schema:
                          properties:
                            spec:
                              properties:
                                cronSpec: {type: string}
                    """]),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    static let backupDefinition = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: backups.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Backup, plural: backups, singular: backup}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [schedule]
                    properties:
                      schedule: {type: string}
                      retention: {type: string, enum: [daily, monthly]}
                      keep: {type: integer}
                      storageClass: {type: string}
                      options:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        context[SchemaReport.self].problems(for: resource).compactMap { problem in
            guard case .customResource(let definition, let mark, let file) = problem.origin else { return nil }
            return finding(
                problem.message + " (schema of CustomResourceDefinition \(definition))",
                at: problem.mark, in: resource,
                related: [Finding.Related(location: FileLocation(file: file, mark: mark), message: "CustomResourceDefinition \(definition)")]
            )
        }
    }
}
