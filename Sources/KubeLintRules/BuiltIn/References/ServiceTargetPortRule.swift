import KubeLintModel
import KubeLintYAML

public struct ServiceTargetPortRule: ResourceRule {
    public init() {}

    public static let description = RuleDescription(
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
            Kubernetes does not require declared ports.
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

    public func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .service(let service) = resource.body, let selector = service.checkableSelector else { return [] }
        let namespace = context.index.namespace(of: resource)
        let runners = context.index.podRunners(matching: selector, namespace: namespace)
        // A runner without a pod spec could listen anywhere: judge nothing then.
        let specs = runners.compactMap { $0.podTemplate?.spec }
        guard !runners.isEmpty, specs.count == runners.count else { return [] }
        // Pods made outside the tree may listen on the port: their containers are not known.
        guard !context.configuration.externalPodsExist(in: namespace, where: { selector.isSubset(of: $0) }) else { return [] }
        // Nor are those of pods a file that could not be parsed may run.
        guard context.unreadInputs.file(mayRunPodsIn: namespace) == nil else { return [] }
        let portsPerRunner = specs.map { spec in spec.allContainers.flatMap(\.ports) }
        let names = Set(portsPerRunner.joined().compactMap { $0.name?.value })
        let numbers = Set(portsPerRunner.joined().compactMap { $0.containerPort?.value })
        let everyRunnerDeclaresPorts = portsPerRunner.allSatisfy { !$0.isEmpty }
        let selected = runners.map { "\($0.kind?.value ?? "?") \($0.name ?? "?")" }.joined(separator: ", ")
        // Where the selected containers declare their ports, so that a port renamed in a workload
        // is reported with the commit that renamed it.
        let related = zip(runners, portsPerRunner).map { runner, ports in
            Finding.Related(
                location: FileLocation(file: runner.source.file, mark: ports.first?.mark ?? runner.nameMark),
                message: ports.isEmpty ? "\(runner.kindAndName) declares no container ports" : "\(runner.kindAndName) declares its container ports here"
            )
        }
        var findings: [Finding] = []
        for port in service.ports {
            guard let target = port.effectiveTargetPort, let mark = port.targetPort?.mark ?? port.port?.mark else { continue }
            switch target {
            case .string(let name) where !names.contains(name):
                findings.append(finding(
                    "target port '\(name)' is not the name of a container port of \(selected)"
                        + (names.isEmpty ? " (they name no ports)" : " (named ports: \(names.sorted().joined(separator: ", ")))"),
                    at: mark, in: resource, related: related
                ))
            case .int(let number) where everyRunnerDeclaresPorts && !numbers.contains(number):
                findings.append(finding(
                    "target port \(number) is not a containerPort of \(selected) (they declare \(numbers.sorted().map(String.init).joined(separator: ", ")))",
                    at: mark, in: resource, related: related
                ))
            default:
                break
            }
        }
        return findings
    }
}
