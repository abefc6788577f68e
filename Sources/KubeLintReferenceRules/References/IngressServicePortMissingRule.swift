import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct IngressServicePortMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "ingress-service-port-missing",
        severity: .error,
        category: .references,
        summary: "An Ingress backend names a port its Service does not have",
        rationale: """
            A backend's port (`service.port.number` or `service.port.name`, or the legacy \
            `servicePort`) must be one of the Service's `ports`, by number or by name. Otherwise \
            the controller has no endpoint for the path and answers 503.
            """,
        remediation: "Use a port the Service declares (its `port`, not the container's `targetPort`), or add the port to the Service.",
        triggeringExamples: [
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
                        number: ↓80
                  rules:
                  - http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              name: ↓https
                """, otherFiles: ["service.yaml": IngressServiceMissingRule.webService]),
            Example("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: ingress-controller
                spec:
                  backend:
                    serviceName: web
                    servicePort: ↓8000
                """, otherFiles: ["service.yaml": IngressServiceMissingRule.webService]),
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
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              name: http
                """, otherFiles: ["service.yaml": IngressServiceMissingRule.webService]),
        ],
        equivalents: ["kube-linter:dangling-ingress"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .ingress(let ingress) = resource.body else { return [] }
        let namespace = context.index.namespace(of: resource)
        var findings: [Finding] = []
        for backend in ingress.backends where !backend.isResource {
            guard let name = backend.serviceName,
                  let (serviceObject, service) = context.service(named: name.value, namespace: namespace) else { continue }
            guard let port = backend.servicePort else {
                findings.append(finding("the backend names Service \(name.value) but no port of it", at: name.mark, in: resource))
                continue
            }
            guard service.port(matching: port.value) == nil else { continue }
            let declared = service.ports.compactMap { port -> String? in
                guard let number = port.port?.value else { return nil }
                return port.name.map { "\(number) named '\($0.value)'" } ?? String(number)
            }
            let what: String
            switch port.value {
            case .int(let number): what = "port \(number)"
            case .string(let portName): what = "port named '\(portName)'"
            }
            findings.append(finding(
                "Service \(name.value) has no \(what)" + (declared.isEmpty ? " (it declares no ports)" : " (its ports: \(declared.joined(separator: ", ")))"),
                at: port.mark, in: resource,
                related: [serviceObject.related("Service \(name.value) is defined here")]
            ))
        }
        return findings
    }
}
