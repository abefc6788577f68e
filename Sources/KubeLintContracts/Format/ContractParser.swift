import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

/// A contract file after reading: the contract (nil when not even its outline could be read)
/// and every problem found, with positions.
package struct ParsedContract: Sendable {
    package var contract: Contract?
    package var problems: [ConfigurationProblem]
}

/// Reads contract files (format in docs/contracts.md). Strict like the configuration: unknown
/// keys, wrong types, clauses on kinds they cannot apply to and contradictions are problems.
package enum ContractParser {
    /// Every clause and the kinds it applies to, in the order the docs list them.
    static let clauseKinds: [(clause: String, kinds: [String])] = [
        ("storage", ["PersistentVolumeClaim"]),
        ("accessModes", ["PersistentVolumeClaim"]),
        ("requiredKeys", ["ConfigMap", "Secret"]),
        ("bare", ["Pod"]),
        ("replicas", Workload.Kind.scalableKindNames),
        ("autoscaled", Workload.Kind.scalableKindNames),
        ("exposed", Workload.Kind.podRunningKindNames),
        ("type", ["Service"]),
        ("ports", ["Service"]),
        ("selects", ["Service"]),
        ("allTrafficTo", ["Ingress"]),
    ]

    static let accessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]
    static let serviceTypes = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]

    package static func parse(_ text: String, file: String) -> ParsedContract {
        parse(Array(text.utf8), file: file)
    }

    package static func parse(_ bytes: [UInt8], file: String) -> ParsedContract {
        var reader = SchemaReader(file: file, origin: .contract)
        let contract = readContract(bytes, file: file, reader: &reader)
        return ParsedContract(contract: contract, problems: reader.problems)
    }

    private static func readContract(_ bytes: [UInt8], file: String, reader: inout SchemaReader) -> Contract? {
        guard let root = reader.root(of: bytes) else {
            if reader.problems.isEmpty { reader.report("the contract is empty", at: .start) }
            return nil
        }
        guard let fields = reader.fields(root, allowed: ["contract", "description", "namespace", "expect"], in: "the contract") else { return nil }
        reader.require(fields, "contract", in: "the contract")
        reader.require(fields, "expect", in: "the contract")
        let name = reader.name(fields["contract"], "contract")
        // `description` is for people reading the contract; read only so that a wrong type is reported.
        _ = reader.string(fields["description"], "description")
        let namespace = reader.string(fields["namespace"], "namespace")
        if let namespace, !ConfigurationParser.isDNSLabel(namespace.value) {
            reader.report("namespace '\(namespace.value)' is not a valid namespace name", at: namespace.mark)
        }
        var expectations: [KindExpectation] = []
        var seenKinds: [String: Mark] = [:]
        for (index, item) in (reader.list(fields["expect"], "expect") ?? []).enumerated() {
            guard let expectation = readKindExpectation(item, place: "expect[\(index)]", reader: &reader) else { continue }
            if let first = seenKinds[expectation.kind.value] {
                reader.report("kind \(expectation.kind.value) already has an entry at line \(first.line); merge the two", at: expectation.kind.mark)
                continue
            }
            seenKinds[expectation.kind.value] = expectation.kind.mark
            expectations.append(expectation)
        }
        guard let name else { return nil }
        return Contract(name: name, namespace: namespace, file: file, expectations: expectations)
    }

    private static func readKindExpectation(_ node: Node, place: String, reader: inout SchemaReader) -> KindExpectation? {
        guard let fields = reader.fields(node, allowed: ["kind", "count", "only", "each", "objects"], in: place) else { return nil }
        reader.require(fields, "kind", in: place)
        guard let kind = reader.name(fields["kind"], "\(place).kind") else { return nil }
        var count = reader.int(fields["count"], "\(place).count")
        if let negative = count, negative.value < 0 {
            reader.report("\(place).count must not be negative", at: negative.mark)
            count = nil
        }
        let only = reader.bool(fields["only"], "\(place).only")
        var each = ObjectClauses()
        if let pair = fields["each"], !pair.value.isNull,
           let eachFields = reader.fields(pair.value, allowed: clauseKinds.map(\.clause), in: "\(place).each") {
            each = readClauses(eachFields, kind: kind.value, place: "\(place).each", reader: &reader)
        }
        var objects: [ObjectExpectation] = []
        var seenNames: [String: Mark] = [:]
        for (index, item) in (reader.list(fields["objects"], "\(place).objects") ?? []).enumerated() {
            let objectPlace = "\(place).objects[\(index)]"
            guard let object = readObjectExpectation(item, kind: kind.value, place: objectPlace, reader: &reader) else { continue }
            if let first = seenNames[object.name.value] {
                reader.report("\(kind.value) \(object.name.value) is already listed at line \(first.line)", at: object.name.mark)
                continue
            }
            seenNames[object.name.value] = object.name.mark
            objects.append(object)
        }
        let expectation = KindExpectation(kind: kind, count: count, only: only, each: each, objects: objects, mark: node.start)
        if let count, expectation.isOnly, count.value != expectation.requiredObjects.count {
            reader.report(
                "count \(count.value) contradicts the \(Self.objects(expectation.requiredObjects.count, kind.value)) listed with only: true",
                at: count.mark
            )
        } else if let count, count.value < expectation.requiredObjects.count {
            reader.report("count \(count.value) is less than the \(Self.objects(expectation.requiredObjects.count, kind.value)) listed", at: count.mark)
        }
        return expectation
    }

    /// "1 Deployment object", "2 Deployment objects".
    private static func objects(_ count: Int, _ kind: String) -> String {
        "\(count) \(kind) \(count == 1 ? "object" : "objects")"
    }

    private static func readObjectExpectation(_ node: Node, kind: String, place: String, reader: inout SchemaReader) -> ObjectExpectation? {
        guard let fields = reader.fields(node, allowed: ["name", "absent"] + clauseKinds.map(\.clause), in: place) else { return nil }
        reader.require(fields, "name", in: place)
        let absent = reader.bool(fields["absent"], "\(place).absent")
        let clauses = readClauses(fields, kind: kind, place: place, reader: &reader)
        guard let name = reader.name(fields["name"], "\(place).name") else { return nil }
        if let absent, absent.value, !clauses.isEmpty {
            reader.report("\(kind) \(name.value) is expected absent; clauses about it can never be checked", at: absent.mark)
        }
        return ObjectExpectation(name: name, absent: absent, clauses: clauses, mark: node.start)
    }

    private static func readClauses(_ fields: Fields, kind: String, place: String, reader: inout SchemaReader) -> ObjectClauses {
        for (clause, kinds) in clauseKinds {
            if let pair = fields[clause], !kinds.contains(kind) {
                reader.report("'\(clause)' applies to \(kinds.joined(separator: ", ")), not to \(kind)", at: pair.key.start)
            }
        }
        var clauses = ObjectClauses()
        if let storage = reader.text(fields["storage"], "\(place).storage") {
            if Quantity.value(storage.value) == nil {
                reader.report("\(place).storage '\(storage.value)' is not a quantity (e.g. 1Gi, 500Mi)", at: storage.mark)
            } else {
                clauses.storage = storage
            }
        }
        if let pair = fields["accessModes"], let modes = reader.strings(pair, "\(place).accessModes") {
            for mode in modes where !accessModes.contains(mode.value) {
                reader.report("'\(mode.value)' is not an access mode (\(accessModes.joined(separator: ", ")))", at: mode.mark)
            }
            clauses.accessModes = Located(modes, at: pair.value.start, key: pair.key.start)
        }
        clauses.requiredKeys = reader.strings(fields["requiredKeys"], "\(place).requiredKeys") ?? []
        if let bare = reader.bool(fields["bare"], "\(place).bare") {
            if bare.value {
                clauses.bare = bare
            } else {
                reader.report("bare: false asks nothing; remove it", at: bare.mark)
            }
        }
        if let replicas = reader.int(fields["replicas"], "\(place).replicas") {
            if replicas.value < 0 {
                reader.report("\(place).replicas must not be negative", at: replicas.mark)
            } else {
                clauses.replicas = replicas
            }
        }
        clauses.autoscaled = reader.bool(fields["autoscaled"], "\(place).autoscaled")
        clauses.exposed = reader.bool(fields["exposed"], "\(place).exposed")
        if let type = reader.string(fields["type"], "\(place).type") {
            if serviceTypes.contains(type.value) {
                clauses.type = type
            } else {
                reader.report("'\(type.value)' is not a Service type (\(serviceTypes.joined(separator: ", ")))", at: type.mark)
            }
        }
        if let pair = fields["ports"], !pair.value.isNull {
            clauses.ports = readPorts(pair, place: "\(place).ports", reader: &reader)
        }
        if let pair = fields["selects"], !pair.value.isNull {
            clauses.selects = readObjectReference(pair, place: "\(place).selects", reader: &reader)
        }
        if let pair = fields["allTrafficTo"], !pair.value.isNull {
            clauses.allTrafficTo = readTrafficTarget(pair, place: "\(place).allTrafficTo", reader: &reader)
        }
        return clauses
    }

    private static func readPorts(_ pair: Pair, place: String, reader: inout SchemaReader) -> Located<[Located<Int>]>? {
        let nodes = pair.value.scalar != nil ? [pair.value] : (reader.list(pair, place) ?? [])
        var ports: [Located<Int>] = []
        for (index, node) in nodes.enumerated() {
            guard let port = reader.int(Pair(key: node, value: node), "\(place)[\(index)]") else { continue }
            guard (1...65535).contains(port.value) else {
                reader.report("port \(port.value) is out of range (1-65535)", at: port.mark)
                continue
            }
            ports.append(Located(port.value, at: port.mark))
        }
        return Located(ports, at: pair.value.start, key: pair.key.start)
    }

    /// `Kind/name`, or a mapping with `kind` and `name`.
    private static func readObjectReference(_ pair: Pair, place: String, reader: inout SchemaReader) -> Located<ContractObjectReference>? {
        if pair.value.scalar != nil {
            guard let text = reader.string(pair, place) else { return nil }
            let parts = text.value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                reader.report("\(place) must be Kind/name (e.g. Deployment/web), found '\(text.value)'", at: text.mark)
                return nil
            }
            let reference = ContractObjectReference(kind: String(parts[0]), name: String(parts[1]))
            return checkedPodRunner(reference, at: text.mark, key: pair.key.start, place: place, reader: &reader)
        }
        guard let fields = reader.fields(pair.value, allowed: ["kind", "name"], in: place) else { return nil }
        reader.require(fields, "kind", in: place)
        reader.require(fields, "name", in: place)
        guard let kind = reader.name(fields["kind"], "\(place).kind"), let name = reader.name(fields["name"], "\(place).name") else { return nil }
        return checkedPodRunner(ContractObjectReference(kind: kind.value, name: name.value), at: pair.value.start, key: pair.key.start, place: place, reader: &reader)
    }

    private static func checkedPodRunner(_ reference: ContractObjectReference, at mark: Mark, key: Mark, place: String, reader: inout SchemaReader) -> Located<ContractObjectReference>? {
        guard Workload.Kind.podRunningKindNames.contains(reference.kind) else {
            reader.report("\(place) must name a Pod or a workload (\(Workload.Kind.podRunningKindNames.joined(separator: ", "))), found \(reference.kind)", at: mark)
            return nil
        }
        return Located(reference, at: mark, key: key)
    }

    private static func readTrafficTarget(_ pair: Pair, place: String, reader: inout SchemaReader) -> Located<TrafficTarget>? {
        guard let fields = reader.fields(pair.value, allowed: ["service", "port"], in: place) else { return nil }
        reader.require(fields, "service", in: place)
        reader.require(fields, "port", in: place)
        let service = reader.name(fields["service"], "\(place).service")
        var port: IntOrString?
        if let portPair = fields["port"], let scalar = portPair.value.scalar, !portPair.value.isNull {
            switch scalar.resolved {
            case .int(let number):
                if let small = Int(exactly: number), (1...65535).contains(small) {
                    port = .int(small)
                } else {
                    reader.report("port \(scalar.text) is out of range (1-65535)", at: portPair.value.start)
                }
            case .string(let name):
                port = .string(name)
            default:
                reader.report("\(place).port must be a port number or name, found \(portPair.value.typeDescription)", at: portPair.value.start)
            }
        } else if let portPair = fields["port"], !portPair.value.isNull {
            reader.report("\(place).port must be a port number or name, found \(portPair.value.typeDescription)", at: portPair.value.start)
        }
        guard let service, let port else { return nil }
        return Located(TrafficTarget(service: service.value, port: port), at: pair.value.start, key: pair.key.start)
    }
}
