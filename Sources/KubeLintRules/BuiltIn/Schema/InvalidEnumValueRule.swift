import KubeLintModel

public struct InvalidEnumValueRule: SchemaProblemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "invalid-enum-value",
        severity: .error,
        category: .schema,
        summary: "A field that takes one of a fixed set of values has another",
        rationale: """
            Fields such as `restartPolicy`, a Service's `type`, `imagePullPolicy`, `accessModes`, \
            `protocol` and a strategy's `type` accept only the values Kubernetes defines, spelt \
            exactly (`IfNotPresent`, not `ifnotpresent`). Anything else is refused by the API \
            server.
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
        ]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidEnum = problem.kind { return true }
        return false
    }
}
