import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidEnumValueRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-enum-value",
        severity: .error,
        category: .schema,
        summary: "A field that takes one of a fixed set of values has another",
        rationale: """
            Fields such as `restartPolicy`, a Service's `type`, `imagePullPolicy`, `accessModes`, \
            `protocol` and a strategy's `type` accept only the values Kubernetes defines, spelt \
            exactly (`IfNotPresent`, not `ifnotpresent`). Anything else is refused by the API \
            server. An empty string is the field left out where the API server cannot tell the \
            two apart and fills in a default (`imagePullPolicy: ""`, `restartPolicy: ""`, a \
            port's `protocol: ""`, a Service's `type: ""`); which fields those are comes from the \
            API's definitions (see scripts/generate-kubernetes-schema.py). Elsewhere \
            (`preemptionPolicy: ""`, a claim's `volumeMode: ""`) the empty string is a value, \
            and refused.
            """,
        remediation: "Use one of the values the message lists.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  restartPolicy: ↓Sometimes
                  containers:
                  - name: web
                    image: nginx
                    imagePullPolicy: ↓ifnotpresent
                    ports:
                    - containerPort: 80
                      protocol: ↓tcp
                """),
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce, ↓ReadWriteAll]
                  resources:
                    requests:
                      storage: 1Gi
                """),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: ↓Loadbalancer
                  ports:
                  - port: 80
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: batch
                spec:
                  preemptionPolicy: ↓""
                  containers:
                  - name: batch
                    image: batch
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  strategy:
                    type: Recreate
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      restartPolicy: Always
                      containers:
                      - name: web
                        image: nginx
                        imagePullPolicy: IfNotPresent
                """),
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  strategy:
                    type: ""
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      restartPolicy: ""
                      dnsPolicy: ""
                      containers:
                      - name: web
                        image: nginx
                        imagePullPolicy: ""
                        terminationMessagePolicy: ""
                        ports:
                        - containerPort: 80
                          protocol: ""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: ""
                  sessionAffinity: ""
                  selector: {app: web}
                  ports:
                  - port: 80
                    protocol: ""
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidEnum = problem.kind { return true }
        return false
    }
}
