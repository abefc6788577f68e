import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct IngressServiceMissingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = referenceFacts

    package static let description = RuleDescription(
        id: "ingress-service-missing",
        severity: .error,
        category: .references,
        summary: "An Ingress backend names no Service in the tree",
        rationale: """
            Every Ingress backend (the default backend and each rule path) forwards to a Service \
            in the Ingress's namespace. When the Service is not there, the controller answers \
            503 or 404 for that path. Under `networking.k8s.io/v1` the backend is \
            `service.name`; the legacy `serviceName` is read only under `extensions/v1beta1` \
            and `networking.k8s.io/v1beta1`, and under v1 it names nothing. Services that the \
            producer table says operators make (an ECK Kibana's `<name>-kb-http`, a Knative \
            Service of its name) are in the tree; one probably made by a custom resource of a \
            kind the table does not know is info.
            """,
        remediation: "Point the backend at an existing Service (`service.name` under networking.k8s.io/v1), or add the Service.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: ↓frontend
                      port:
                        number: 8080
                  rules:
                  - http:
                      paths:
                      - path: /api
                        pathType: Prefix
                        backend:
                          ↓serviceName: web
                          servicePort: 8080
                """, otherFiles: ["service.yaml": webService]),
            Example("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: ingress-controller
                spec:
                  backend:
                    serviceName: ↓webb
                    servicePort: 8080
                """, otherFiles: ["service.yaml": webService]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                  rules:
                  - http:
                      paths:
                      - path: /static
                        pathType: Prefix
                        backend:
                          resource:
                            apiGroup: k8s.example.com
                            kind: StorageBucket
                            name: static-assets
                """, otherFiles: ["service.yaml": webService]),
        ],
        equivalents: ["kube-linter:dangling-ingress", "kube-score:ingress-targets-service"]
    )

    static let webService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - name: http
            port: 8080
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .ingress(let ingress) = resource.body else { return [] }
        let namespace = context.index.namespace(of: resource)
        var findings: [Finding] = []
        var hints = MissingObjectHints(kind: "Service")
        for backend in ingress.backends where !backend.isResource {
            guard let name = backend.serviceName else {
                let legacyKey = ingress.shape == .v1 ? Self.legacyKeyMark(of: backend, in: resource) : nil
                let message = legacyKey == nil
                    ? "the backend names no Service"
                    : "under \(resource.apiVersion?.value ?? "networking.k8s.io/v1") `serviceName` is not read, so the backend names no Service; write `service.name`"
                findings.append(finding(message, at: legacyKey ?? backend.mark, in: resource))
                continue
            }
            guard !context.referenceResolves(kind: "Service", namespace: namespace, name: name.value) else { continue }
            let hint = hints.hint(for: name.value, namespace: namespace, referrer: resource, index: context.index)
            findings.append(context.withProducerAdvice(
                finding("Service \(name.value) is not in the tree \(context.inNamespace(namespace))" + hint.text, at: name.mark, in: resource).lowered(by: hint),
                missing: "Service", named: name.value, namespace: namespace, referrer: resource
            ))
        }
        return findings
    }

    /// Where a v1 backend wrote the legacy `serviceName` key, found in the raw node because the
    /// typed backend does not read it under v1.
    static func legacyKeyMark(of backend: Ingress.Backend, in resource: Resource) -> Mark? {
        guard let node = backendNode(at: backend.mark, in: resource.root) else { return nil }
        return node.pair("serviceName")?.key.start
    }

    /// The mapping node that starts at `mark`, searched along the Ingress's backend paths.
    private static func backendNode(at mark: Mark, in root: Node) -> Node? {
        guard let spec = root["spec"] else { return nil }
        var candidates: [Node] = [spec["defaultBackend"], spec["backend"]].compactMap { $0 }
        for rule in spec["rules"]?.items ?? [] {
            for path in rule["http"]?["paths"]?.items ?? [] {
                if let backend = path["backend"] { candidates.append(backend) }
            }
        }
        return candidates.first { $0.start == mark }
    }
}
