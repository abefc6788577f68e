import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ServiceTargetPortRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = ServicePortTargets.facts

    package static let description = RuleDescription(
        id: "service-target-port",
        severity: .error,
        category: .references,
        summary: "A Service's target port is not a port of the containers it selects",
        rationale: """
            A Service forwards each port to `targetPort` on the selected pods (to `port` when \
            `targetPort` is absent). A named target port must be the name of a container port, \
            or the Service forwards to nothing. A numeric target port that none of the selected \
            containers declares usually means the Service and the container disagree on where \
            the application listens. Containers that declare no ports at all are not judged: \
            Kubernetes does not require declared ports. `targetPort: 0` (kompose writes it) is \
            `targetPort` left out: the Service's `port` is checked. A port that the containers \
            name in their command, arguments, environment or probes without declaring it is \
            only noted (`service-target-port-undeclared`).
            """,
        remediation: "Set `targetPort` to a `containerPort` (or port name) of the selected containers, or declare the port on the container.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: ↓8000
                  - port: 443
                    targetPort: ↓https
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: ↓80
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: ↓0
                """, otherFiles: ["deployment.yaml": webDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: http
                  - port: 8080
                    targetPort: 0
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: worker
                spec:
                  selector:
                    app: worker
                  ports:
                  - port: 9000
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                  labels:
                    app: worker
                spec:
                  containers:
                  - name: worker
                    image: worker
                """),
            // Pods declared external (an operator runs them) may be selected too, and their
            // ports are unknown.
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 8000
                """, otherFiles: ["deployment.yaml": webDeployment], configuration: """
                externalObjects:
                - kind: Pod
                  name: web-canary
                  labels:
                    app: web
                """),
        ]
    )

    static let webDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - name: http
                  containerPort: 8080
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let targets = ServicePortTargets(resource, context: context),
              targets.mismatches.contains(where: { !$0.isMention }) else { return [] }
        let selected = targets.selected
        let related = targets.related
        return targets.mismatches.compactMap { mismatch in
            switch mismatch.problem {
            case .unknownName(let name):
                let names = targets.declaredNames
                return finding(
                    "target port '\(name)' is not the name of a container port of \(selected)"
                        + (names.isEmpty ? " (\(targets.theySelected("name")) no ports)" : " (named ports: \(names.sorted().joined(separator: ", ")))"),
                    at: mismatch.mark, in: resource, related: related
                )
            case .undeclaredNumber(let number):
                let numbers = targets.declaredNumbers.sorted().map(String.init).joined(separator: ", ")
                return finding(
                    "\(ServicePortTargets.subject(number, of: mismatch.port)) is not a containerPort of \(selected) (\(targets.theySelected("declare")) \(numbers))",
                    at: mismatch.mark, in: resource, related: related
                )
            case .mentionedNumber:
                // The containers name the port: service-target-port-undeclared notes it.
                return nil
            }
        }
    }
}
