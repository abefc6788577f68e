import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct HostReferenceUnresolvedRule: Rule {
    package init() {}

    /// The graph's host edges; the producer advice of a missing Service reads `referenceFacts`.
    package static let facts: [any Fact.Type] = [ReferenceGraphFact.self] + referenceFacts

    package static let description = RuleDescription(
        id: "host-reference-unresolved",
        severity: .warning,
        category: .references,
        summary: "A configuration value names an in-cluster host that no Service of the tree serves",
        rationale: """
            Components find each other through host names in their configuration: \
            `CELERY_BROKER_URL: redis://broker:6379/0`, `DATABASE_HOST: rdms` with \
            `DATABASE_PORT: "5432"`, `CART_ADDR: cart:7070`. A name in the form cluster DNS \
            answers for a Service (`name`, `name.namespace`, `name.namespace.svc`, \
            `name.namespace.svc.cluster.local`) must be a Service in that namespace (the pod's \
            own for a bare name), the port must be one the Service exposes (its `port`, not the \
            container's), and the Service must select pods: otherwise the component cannot \
            connect, and often will not start. A missing Service is reported only in a \
            namespace where the tree has Services: a folder without any (one workload, one \
            app's part) does not describe its network. Read are URLs in any variable, `host:port` and \
            bare hosts in variables named `*_HOST`, `*_ADDR`, `*_ADDRESS` (with the port of \
            `*_PORT` of the same prefix), and `host:port` in `*_URL`, `*_URI`, `*_ENDPOINT`, \
            `*_SERVER(S)`, whether written in `env` or in ConfigMap data the container reads \
            (`configMapKeyRef`, `envFrom`). Other dotted names, IP addresses, `localhost`, \
            values with expansions (`$(VAR)`, `{{ }}`) and the addresses a server listens on or \
            answers to (`*_LISTEN*`, `*_BIND*`, `ALLOWED_HOSTS`) are left alone. A URL without \
            a port connects to its scheme's well-known port (`http` 80, `redis` 6379).
            """,
        remediation: """
            Name an existing Service and one of its ports, add the Service, or declare a \
            Service made elsewhere under `externalObjects` in .kubelint.yaml.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-env
                data:
                  CELERY_BROKER_URL: ↓redis://brokr:6379/0
                  DATABASE_HOST: rdms
                  DATABASE_PORT: ↓"5433"
                """, otherFiles: ["api.yaml": api, "services.yaml": services]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-env
                data:
                  CELERY_BROKER_URL: redis://broker:6379/0
                  DATABASE_HOST: rdms
                  DATABASE_PORT: "5432"
                  SENTRY_URL: https://sentry.example.com/12
                """, otherFiles: ["api.yaml": api, "services.yaml": services]),
        ],
        equivalents: []
    )

    static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
              - name: api
                image: example/api:1.0
                envFrom:
                - configMapRef: {name: api-env}
        """

    static let services = """
        apiVersion: v1
        kind: Service
        metadata:
          name: broker
        spec:
          selector: {app: broker}
          ports:
          - port: 6379
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: rdms
        spec:
          selector: {app: rdms}
          ports:
          - port: 5432
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: rdms
          labels: {app: rdms}
        spec:
          containers:
          - name: postgres
            image: postgres:16
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broker
        spec:
          selector:
            matchLabels: {app: broker}
          template:
            metadata:
              labels: {app: broker}
            spec:
              containers:
              - name: redis
                image: redis:7
        """

    package func check(_ context: LintContext) -> [Finding] {
        let graph = context[ReferenceGraphFact.self].graph
        var hints = MissingObjectHints(kind: "Service")
        var findings: [Finding] = []
        let namespacesWithServices = Set(context.index.resources(ofKind: "Service").map { context.index.namespace(of: $0) })
        // Most host references resolve: those are ruled out before any message is made.
        let suspicious = graph.edges(.host).filter { edge in
            guard let reference = graph.hostReference(of: edge) else { return false }
            switch edge.to {
            case .target:
                return edge.resolution == .missing
            case .object(let position):
                guard case .service(let service) = graph.object(position).body else { return false }
                return Self.portProblem(reference, service: service) != nil || graph.selection(ofService: position) == .nothing
            }
        }
        // A value in a ConfigMap is one finding however many workloads read it.
        for group in Self.groups(of: suspicious, in: graph) {
            let edge = group.edges[0]
            guard let reference = graph.hostReference(of: edge) else { continue }
            let site = graph.site(of: edge)
            let subject = Self.subject(of: reference, group: group, in: graph)
            switch edge.to {
            case .target:
                // A tree without Services in the namespace does not describe how its pods
                // reach each other there (one app's folder, a workload alone): nothing to check.
                guard edge.resolution == .missing, namespacesWithServices.contains(reference.service.namespace) else { continue }
                let service = reference.service
                let missing = "\(subject) connects to \(reference.address), but Service \(service.name) is not in the tree "
                    + context.inNamespace(service.namespace)
                let found: Finding
                if service.namesNamespace {
                    found = finding(missing + Self.hint(forNamespaced: service, index: context.index), at: edge.mark, in: site)
                } else {
                    let hint = hints.hint(for: service.name, namespace: service.namespace, referrer: graph.source(of: edge), index: context.index)
                    found = finding(missing + hint.text, at: edge.mark, in: site).lowered(by: hint)
                }
                findings.append(context.withProducerAdvice(
                    found, missing: "Service", named: service.name, namespace: service.namespace, referrer: graph.source(of: edge)
                ))
            case .object(let position):
                let serviceObject = graph.object(position)
                guard case .service(let service) = serviceObject.body else { continue }
                if let problem = Self.portProblem(reference, service: service) {
                    let (file, mark) = Self.portLocation(of: reference, edge: edge, in: graph)
                    findings.append(finding(
                        "\(subject) connects to \(reference.address)\(problem)", file: file, at: mark,
                        related: [serviceObject.related("Service \(reference.service.name) is defined here")]
                    ))
                } else if graph.selection(ofService: position) == .nothing, let selector = service.checkableSelector {
                    findings.append(finding(
                        "\(subject) connects to Service \(reference.service.name), which selects no pods (selector \(selector.inlineDescription))",
                        at: edge.mark, in: site,
                        related: [serviceObject.related("Service \(reference.service.name) is defined here")]
                    ))
                }
            }
        }
        return findings
    }

    /// The tail of the message for a host that names its namespace (`name.namespace...`): the
    /// namespaces where the tree has a Service of that name (the host may name the wrong one),
    /// else a near name in the namespace named. Asked only for a host that does not resolve.
    static func hint(forNamespaced service: ServiceHost, index: ResourceIndex) -> String {
        var elsewhere: [String] = []
        var names: [String] = []
        for object in index.resources(ofKind: "Service") {
            guard let name = object.name else { continue }
            let namespace = index.namespace(of: object)
            if namespace == service.namespace {
                names.append(name)
            } else if name == service.name, !elsewhere.contains(namespace) {
                elsewhere.append(namespace)
            }
        }
        if !elsewhere.isEmpty {
            let listed = elsewhere.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return "; the tree has Service \(service.name) in namespace\(elsewhere.count == 1 ? "" : "s") \(listed): name that namespace in the host"
        }
        return NameSuggestion.hint(for: service.name, among: names)
    }

    /// The host edges that come from one value (same place, same host and port): several
    /// workloads reading one ConfigMap.
    struct Group {
        var edges: [ReferenceGraph.Edge]
    }

    static func groups(of edges: [ReferenceGraph.Edge], in graph: ReferenceGraph) -> [Group] {
        struct Key: Hashable {
            var site: Int
            var mark: Mark
            var address: String
        }
        var groups: [Group] = []
        var positions: [Key: Int] = [:]
        for edge in edges {
            let key = Key(site: edge.site, mark: edge.mark, address: graph.hostReference(of: edge)?.address ?? "")
            if let position = positions[key] {
                groups[position].edges.append(edge)
            } else {
                positions[key] = groups.count
                groups.append(Group(edges: [edge]))
            }
        }
        return groups
    }

    /// `VARIABLE`, and for a value in a ConfigMap the workloads that read it, by kind and name.
    static func subject(of reference: HostReference, group: Group, in graph: ReferenceGraph) -> String {
        let edge = group.edges[0]
        let key = reference.key == reference.variable ? reference.key : "\(reference.key) (as \(reference.variable))"
        guard edge.site != edge.from else { return key }
        var readers: [String] = []
        for edge in group.edges {
            let reader = graph.source(of: edge)
            let name = "\(reader.kind?.value ?? "object") \(reader.name ?? "")"
            if !readers.contains(name) { readers.append(name) }
        }
        return "\(key) (read by \(readers.joined(separator: ", ")))"
    }

    /// Why the Service does not answer on the reference's port (", but ..."), or nil. The port
    /// is not checked for a Service that sends nowhere by its ports: ExternalName (a DNS alias),
    /// headless (clients connect to the pods, on any port they serve).
    static func portProblem(_ reference: HostReference, service: Service) -> String? {
        guard let port = reference.mention.port, service.effectiveType != "ExternalName",
              service.clusterIP?.value != "None", !service.ports.isEmpty,
              service.port(matching: .int(port.number)) == nil else { return nil }
        let declared = service.ports.compactMap { $0.port.map { String($0.value) } }
        let why: String
        switch port {
        case .schemeDefault(_, let scheme): why = " (the \(scheme) default port)"
        case .paired(_, let variable): why = " (port from \(variable))"
        case .explicit: why = ""
        }
        return "\(why), but Service \(reference.service.name) does not expose port \(port.number) (its ports: \(declared.joined(separator: ", ")))"
    }

    /// Where the wrong port is written: the `*_PORT` value it came from, else the host's value.
    static func portLocation(of reference: HostReference, edge: ReferenceGraph.Edge, in graph: ReferenceGraph) -> (file: String, mark: Mark) {
        if let site = reference.portSite, let mark = reference.portMark {
            return (graph.object(site).source.file, mark)
        }
        return graph.location(of: edge)
    }
}
