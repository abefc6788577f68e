import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct DuplicatePortNameRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-port-name",
        severity: .error,
        category: .schema,
        summary: "Two ports of one container have the same name",
        rationale: """
            A port name is how Services (`targetPort: http`) and probes (`port: http`) find a \
            port, so the API server requires the names of a container's ports to be unique and \
            rejects the pod ("Duplicate value").
            """,
        remediation: "Rename one of the two ports (names are at most 15 characters), or remove the duplicate entry.",
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
                    - {name: http, containerPort: 8080}
                    - {name: ↓http, containerPort: 8443}
                """),
        ],
        nonTriggeringExamples: [
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
                    - {name: http, containerPort: 8080}
                    - {name: https, containerPort: 8443}
                  - name: sidecar
                    image: envoy
                    ports:
                    - {name: http, containerPort: 9901}
                """),
        ],
        equivalents: ["kube-score:container-ports-check"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            var first: [String: Located<String>] = [:]
            for port in container.ports {
                guard let name = port.name, !name.value.isEmpty else { continue }
                guard let earlier = first[name.value] else {
                    first[name.value] = name
                    continue
                }
                findings.append(finding(
                    "container \(ContainerWords.name(container)) has two ports named '\(name.value)' (first at line \(earlier.mark.line)); "
                        + "the API server rejects the pod",
                    at: name.mark, in: resource,
                    related: [Finding.Related(location: FileLocation(file: resource.source.file, mark: earlier.mark), message: "first port '\(name.value)'")]
                ))
            }
        }
        return findings
    }
}
