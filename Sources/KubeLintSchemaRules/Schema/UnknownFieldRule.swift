import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct UnknownFieldRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "unknown-field",
        severity: .error,
        category: .schema,
        summary: "A field does not exist in the object's type at the target Kubernetes version",
        rationale: """
            `kubectl apply` validates fields strictly: a misspelt or misplaced key (`replica`, \
            `containerport`, `env` under the pod instead of the container) makes it refuse the \
            object, and older API servers silently dropped it, so the setting never took effect. \
            A field added in a later release than the cluster runs is just as unknown to it. \
            Field tables come from the Kubernetes API (see scripts/generate-kubernetes-schema.py); \
            `status`, free-form maps and kinds without a schema are not checked.
            """,
        remediation: """
            Fix the spelling or the indentation (the message suggests the closest field, or the field one \
            level down that has this one: `containerPort` belongs under `ports[]`), or remove the field.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  ↓replica: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        ports:
                        - ↓containerport: 80
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug
                spec:
                  ↓ephemeralContainers: []
                  containers:
                  - name: app
                    image: busybox
                """, kubernetesVersion: .v1(13)),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  uid: 2b8e6a32-63a2-4e2c-9a1e-3b1c2f7d9e01
                  resourceVersion: "4711"
                  generation: 2
                  creationTimestamp: null
                  managedFields:
                  - manager: kubectl
                    operation: Apply
                    fieldsType: FieldsV1
                    fieldsV1: {f:spec: {f:replicas: {}}}
                  annotations:
                    kompose.cmd: kompose convert
                spec:
                  replicas: 3
                  strategy: {}
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        resources: {}
                        ports:
                        - containerPort: 80
                status:
                  anything: [goes, here]
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .unknownField = problem.kind { return true }
        return false
    }
}
