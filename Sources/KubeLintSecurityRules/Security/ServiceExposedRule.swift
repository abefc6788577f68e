import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ServiceExposedRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "service-exposed",
        severity: .warning,
        category: .security,
        summary: "A Service is reachable from outside the cluster (NodePort or LoadBalancer)",
        rationale: """
            A `NodePort` Service opens its port on every node, to whatever can reach the nodes; \
            a `LoadBalancer` one asks the cloud for a public address. Either can expose a \
            service meant to stay internal, around the Ingress and its TLS and authentication. \
            A Service whose type a team contract states is deliberate and not reported.
            """,
        remediation: "Use `ClusterIP` and expose the service through an Ingress or Gateway; restrict a LoadBalancer with `loadBalancerSourceRanges`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: admin
                spec:
                  type: ↓NodePort
                  selector: {app: admin}
                  ports:
                  - port: 8080
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
                  - port: 8080
                """, contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: web
                    type: NodePort
                """),
        ],
        equivalents: ["kube-linter:exposed-services", "kube-score:service-type"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .service(let service) = resource.body, let type = service.type.unlessEmpty,
              type.value == "NodePort" || type.value == "LoadBalancer",
              !context.contractClauses(of: resource).contains(where: { $0.type != nil }) else { return [] }
        let reach = type.value == "NodePort" ? "opens its port on every node of the cluster" : "gets an address outside the cluster"
        return [finding("Service \(resource.name ?? "") is of type \(type.value): it \(reach)", at: type.mark, in: resource)]
    }
}
