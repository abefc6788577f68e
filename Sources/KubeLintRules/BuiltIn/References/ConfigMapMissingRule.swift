import KubeLintModel
import KubeLintYAML

public struct ConfigMapMissingRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "configmap-missing",
        severity: .warning,
        category: .references,
        summary: "A pod uses a ConfigMap that is not in the tree",
        rationale: """
            A pod that reads a ConfigMap through `configMapKeyRef`, `envFrom` or a volume does \
            not start until the ConfigMap exists in its namespace (`CreateContainerConfigError`, \
            or a volume that never mounts). When the ConfigMap is in no file of the tree, it is \
            either forgotten or made outside the repository; the latter is common enough that \
            this is a warning, and naming the object under `externalObjects` in the \
            configuration silences it. References marked `optional: true`, and ConfigMaps that \
            the tree makes (a kustomization.yaml's `configMapGenerator`, what the producer table \
            says its custom resources' operators make, what its workloads may write by the RBAC \
            of their own ServiceAccounts), are not checked; one probably made by a custom \
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
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        ConfigObjectReferences.missingObjects(.configMap, context: context).map { runner, reference in
            context.withProducerAdvice(finding(
                "ConfigMap \(reference.name.value) (\(reference.origin)) is not in the tree \(context.inNamespace(runner.namespace))",
                at: reference.name.mark, in: runner.resource
            ), missing: "ConfigMap", named: reference.name.value, namespace: runner.namespace, referrer: runner.resource)
        }
    }
}
