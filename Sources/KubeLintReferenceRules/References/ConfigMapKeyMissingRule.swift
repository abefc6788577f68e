import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ConfigMapKeyMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = ConfigObjectReferences.facts

    package static let description = RuleDescription(
        id: "configmap-key-missing",
        severity: .error,
        category: .references,
        summary: "A pod uses a key that its ConfigMap does not have",
        rationale: """
            `configMapKeyRef` and the `items` of a ConfigMap volume name single keys. When the \
            ConfigMap is in the tree but has no such key in `data` or `binaryData`, the container \
            fails to start (`CreateContainerConfigError`) or the volume fails to mount: the tree \
            itself is inconsistent. References marked `optional: true` are not checked.
            """,
        remediation: "Add the key to the ConfigMap, or fix the key name in the reference.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    env:
                    - name: DATABASE_HOST
                      valueFrom:
                        configMapKeyRef:
                          name: api-env
                          key: ↓DATABSE_HOST
                  volumes:
                  - name: settings
                    configMap:
                      name: api-env
                      items:
                      - key: ↓settings.py
                        path: settings.py
                """, otherFiles: ["configmap.yaml": apiConfigMap]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    env:
                    - name: DATABASE_HOST
                      valueFrom:
                        configMapKeyRef:
                          name: api-env
                          key: DATABASE_HOST
                    - name: FEATURE
                      valueFrom:
                        configMapKeyRef:
                          name: api-env
                          key: FEATURE
                          optional: true
                  volumes:
                  - name: logo
                    configMap:
                      name: api-env
                      items:
                      - key: logo.png
                        path: logo.png
                """, otherFiles: ["configmap.yaml": apiConfigMap]),
        ],
        equivalents: ["kube-linter:env-value-from"]
    )

    static let apiConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-env
        data:
          DATABASE_HOST: rdms
        binaryData:
          logo.png: iVBORw0KGgo=
        """

    package func check(_ context: LintContext) -> [Finding] {
        ConfigObjectReferences.missingKeyFindings(.configMap, by: self, context: context)
    }
}
