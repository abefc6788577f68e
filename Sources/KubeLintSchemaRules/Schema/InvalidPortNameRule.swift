import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidPortNameRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-port-name",
        severity: .error,
        category: .schema,
        summary: "A port name breaks Kubernetes' naming rules",
        rationale: """
            A container port's name, and a named `targetPort` or probe port that refers to it, \
            must be an IANA service name: at most 15 lowercase letters, digits and '-', with at \
            least one letter and no leading, trailing or doubled '-'. A Service port's name must \
            be a DNS-1123 label. Other names are refused by the API server, and a named \
            `targetPort` that could never match a container port breaks the Service silently.
            """,
        remediation: "Shorten or rename the port: lowercase letters, digits and single '-', e.g. `http`, `metrics`, `grpc-api`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports:
                    - name: ↓http_port
                      containerPort: 80
                    - name: ↓prometheus-metrics
                      containerPort: 9090
                    - name: ↓"8443"
                      containerPort: 8443
                """),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - name: ↓HTTP
                    port: 80
                    targetPort: ↓Http-Port
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector: {app: api}
                  ports:
                  - name: "8000"
                    port: 8000
                    targetPort: http-api
                """),
        ],
        equivalents: ["kube-linter:invalid-target-ports", "kube-linter:schema-validation", "kube-score:container-ports-check"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidPortName = problem.kind { return true }
        return false
    }
}
