import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidPortRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-port",
        severity: .error,
        category: .schema,
        summary: "A port number is outside 1-65535",
        rationale: """
            Container ports, Service ports and target ports, probe ports, NetworkPolicy and Ingress \
            backend ports must be valid TCP/UDP port numbers. `0`, a negative number or one above \
            65535 is refused by the API server (`hostPort` and `nodePort` may be 0, meaning unset; \
            a Service's `targetPort: 0` is `targetPort` left out, which the API server sets to \
            `port`).
            """,
        remediation: "Use a port number from 1 to 65535, or a named port where the field accepts one.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - port: ↓80800
                    targetPort: ↓-8080
                """),
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
                    - containerPort: ↓70000
                    readinessProbe:
                      tcpSocket: {port: ↓-1}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: NodePort
                  selector: {app: web}
                  ports:
                  - name: http
                    port: 80
                    targetPort: http
                    nodePort: 0
                  - name: metrics
                    port: 9090
                    targetPort: 0
                """),
        ],
        equivalents: ["kube-linter:schema-validation", "kube-score:container-ports-check"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidPort = problem.kind { return true }
        return false
    }
}
