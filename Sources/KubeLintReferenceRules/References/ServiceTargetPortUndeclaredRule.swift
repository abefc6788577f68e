import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

/// The other half of `service-target-port`: a numeric target port that the selected containers
/// do not declare but name in their command, arguments, environment or probes. Such a container
/// almost always listens there (`--metrics-bind-address=:8443`), so the Service works; the port
/// is only undocumented. An info finding, not an error: a separate rule, so that its severity is
/// its own and a team can raise or silence it without touching the error.
package struct ServiceTargetPortUndeclaredRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = ServicePortTargets.facts

    package static let description = RuleDescription(
        id: "service-target-port-undeclared",
        severity: .info,
        category: .references,
        summary: "A Service targets a port its containers use but do not declare",
        rationale: """
            Kubernetes does not require containers to declare the ports they listen on, and many \
            do not: a controller started with `--metrics-bind-address=:8443`, a server told \
            `PORT=8080` in its environment. A Service whose numeric `targetPort` no selected \
            container declares, but that a container names in its command, arguments, \
            environment or probes, most likely reaches it. The port is undocumented, though: \
            nothing checks the Service against the container, and a port renamed in one place \
            is not caught. When the port appears nowhere, `service-target-port` reports an \
            error instead.
            """,
        remediation: "Declare the port under the container's `ports` (`containerPort: 8443`, with a `name`), so the Service's target is checked.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: controller-metrics
                spec:
                  selector:
                    app: controller
                  ports:
                  - name: https
                    port: 8443
                    targetPort: ↓8443
                  - name: webhook
                    port: 443
                    targetPort: ↓9443
                """, otherFiles: ["deployment.yaml": controllerDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: controller-health
                spec:
                  selector:
                    app: controller
                  ports:
                  - name: health
                    port: 8081
                """, otherFiles: ["deployment.yaml": controllerDeployment]),
        ]
    )

    static let controllerDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: controller
        spec:
          selector:
            matchLabels:
              app: controller
          template:
            metadata:
              labels:
                app: controller
            spec:
              containers:
              - name: manager
                image: controller
                args:
                - --health-probe-bind-address=:8081
                - --metrics-bind-address=:8443
                env:
                - name: WEBHOOK_PORT
                  value: "9443"
                ports:
                - name: health
                  containerPort: 8081
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let targets = ServicePortTargets(resource, context: context),
              targets.mismatches.contains(where: \.isMention) else { return [] }
        let selected = targets.selected
        let related = targets.related
        return targets.mismatches.compactMap { mismatch in
            guard case .mentionedNumber(let number, let mention) = mismatch.problem else { return nil }
            let declared = targets.declaredNumbers.sorted().map(String.init).joined(separator: ", ")
            let named = Finding.Related(
                location: FileLocation(file: mention.file, mark: mention.mark),
                message: "container '\(mention.container)' names port \(number) here"
            )
            return finding(
                "\(ServicePortTargets.subject(number, of: mismatch.port)) is not a declared containerPort of \(selected) "
                    + "(\(targets.theySelected("declare")) \(declared)), but container '\(mention.container)' names it in its \(mention.place) "
                    + "(`\(mention.text)`); declare it under ports",
                at: mismatch.mark, in: resource, related: [named] + related
            )
        }
    }
}
