import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct NetworkPolicyMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodRunners.self]

    package static let description = RuleDescription(
        id: "network-policy-missing",
        severity: .warning,
        category: .security,
        summary: "No NetworkPolicy isolates a workload's pods",
        rationale: """
            Pods accept traffic from every pod of the cluster, and may send it anywhere, until \
            a NetworkPolicy selects them. One compromised pod can then reach every database and \
            internal API. A policy selecting the pods (a namespace's default-deny with `{}` \
            counts) limits them to the traffic its rules allow; kube-score also asks for both \
            directions, which kubelint reports as missing ingress or egress isolation.
            """,
        remediation: "Add a NetworkPolicy that selects the pods with `policyTypes: [Ingress, Egress]`, or a default-deny policy for the namespace.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓api
                spec:
                  selector:
                    matchLabels: {app: api}
                  template:
                    metadata:
                      labels: {app: api}
                    spec:
                      containers:
                      - name: api
                        image: api:1.0
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: api
                spec:
                  podSelector:
                    matchLabels: {app: api}
                  policyTypes: [Ingress]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """),
        ],
        equivalents: ["kube-linter:non-isolated-pod", "kube-score:pod-networkpolicy"]
    )

    package func check(_ context: LintContext) -> [Finding] {
        // Policies by namespace, once: few per namespace, checked against each pod runner.
        var policies: [String: [NetworkPolicyNodes]] = [:]
        for resource in context.index.resources(ofKind: "NetworkPolicy") {
            if let policy = NetworkPolicyNodes(resource) {
                policies[context.index.namespace(of: resource), default: []].append(policy)
            }
        }
        var findings: [Finding] = []
        for runner in context[PodRunners.self].all {
            let selecting = (policies[runner.namespace] ?? []).filter { policy in
                guard let selector = policy.podSelector else { return false }
                return selector.matches(runner.resource.podTemplate?.labels ?? StringMap()) ?? true
            }
            let ingress = selecting.contains(where: \.isolatesIngress)
            let egress = selecting.contains(where: \.isolatesEgress)
            guard !(ingress && egress) else { continue }
            let missing = ingress ? "egress" : egress ? "ingress" : "ingress and egress"
            findings.append(finding(
                "no NetworkPolicy isolates the \(missing) traffic of \(runner.resource.kindAndName)'s pods \(context.inNamespace(runner.namespace))",
                at: runner.resource.nameMark, in: runner.resource
            ))
        }
        return findings
    }
}
