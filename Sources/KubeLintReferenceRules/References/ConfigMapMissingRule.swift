import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ConfigMapMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = ConfigObjectReferences.facts

    package static let description = RuleDescription(
        id: "configmap-missing",
        severity: .error,
        category: .references,
        summary: "A pod uses a ConfigMap that is not in the tree",
        rationale: """
            A pod that reads a ConfigMap through `configMapKeyRef`, `envFrom` or a volume does \
            not start until the ConfigMap exists in its namespace (`CreateContainerConfigError`, \
            or a volume that never mounts). A ConfigMap that is in no file of the tree and not \
            declared under `externalObjects` in the configuration is most often forgotten or \
            misspelt, so this is an error (a missing Secret is only a warning: Secrets are often \
            made by hand on purpose). Each pod's references to one missing ConfigMap are one \
            finding, at the first of them, naming the keys the pod needs. References marked \
            `optional: true`, names a file that could not be parsed may define, \
            `kube-root-ca.crt` (which Kubernetes publishes in every namespace from 1.20), and ConfigMaps \
            that the tree makes (a kustomization.yaml's `configMapGenerator`, what the producer \
            table says its custom resources' operators make, what its workloads may write by the \
            RBAC of their own ServiceAccounts) are not reported; one probably made by a custom \
            resource of a kind the table does not know is info.
            """,
        remediation: "Add the ConfigMap to the tree, fix the name, or declare it under `externalObjects` in .kubelint.yaml.",
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
                          name: ↓api-env
                          key: DATABASE_HOST
                    - name: DATABASE_PORT
                      valueFrom:
                        configMapKeyRef:
                          name: api-env
                          key: DATABASE_PORT
                    envFrom:
                    - configMapRef:
                        name: ↓shared-env
                  volumes:
                  - name: settings
                    projected:
                      sources:
                      - configMap:
                          name: ↓api-files
                """),
            // A cluster before 1.20 publishes no kube-root-ca.crt.
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                  volumes:
                  - name: ca
                    configMap:
                      name: ↓kube-root-ca.crt
                """, kubernetesVersion: .v1(19)),
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
                    envFrom:
                    - configMapRef:
                        name: api-env
                    - configMapRef:
                        name: feature-flags
                        optional: true
                    - configMapRef:
                        name: platform-settings
                  volumes:
                  - name: ca
                    configMap:
                      name: kube-root-ca.crt
                """, otherFiles: ["configmap.yaml": """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: api-env
                    data:
                      DATABASE_HOST: rdms
                    """],
                configuration: """
                    externalObjects:
                    - kind: ConfigMap
                      name: platform-settings
                    """),
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  selector:
                    matchLabels: {app: api}
                  template:
                    metadata:
                      labels: {app: api}
                    spec:
                      containers:
                      - name: api
                        image: api
                        envFrom:
                        - configMapRef:
                            name: api-settings
                """, otherFiles: ["kustomization.yaml": """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                    - example.yaml
                    configMapGenerator:
                    - name: api-settings
                      literals:
                      - LOG_LEVEL=info
                    """]),
        ],
        equivalents: ["kube-linter:env-value-from"]
    )

    package func check(_ context: LintContext) -> [Finding] {
        ConfigObjectReferences.missingObjectFindings(.configMap, by: self, context: context)
    }
}
