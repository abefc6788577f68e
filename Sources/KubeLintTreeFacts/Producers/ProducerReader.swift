import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Reads producer entries, strictly and with positions: the built-in table and the
/// configuration's `producers:` are written in the same format and read here.
///
/// ```yaml
/// - group: postgresql.cnpg.io          # or "*": any custom group
///   kind: Cluster                      # or "*": any kind
///   secrets: ["{name}-app", {name: "{name}-superuser", when: {spec.enableSuperuserAccess: true}}]
///   configMaps: []
///   services: ["{name}-rw"]
///   pods:
///   - labels: {cnpg.io/cluster: "{name}"}
///     labelsFrom: [spec.podMetadata.labels]
///   reads:
///     secrets: [spec.superuserSecret.name]
/// ```
enum ProducerReader {
    static let entryKeys = ["group", "kind", "secrets", "configMaps", "services", "pods", "reads"]
    private static let objectKeys = ["name", "namespace", "when", "unless"]
    private static let podKeys = ["labels", "labelsFrom", "when", "unless"]
    private static let readKeys = Producer.ObjectKind.allCases.map(\.listKey)

    static func entries(_ items: [Node], place: String, reader: inout SchemaReader) -> [Producer] {
        var producers: [Producer] = []
        for (index, item) in items.enumerated() {
            if let producer = entry(item, place: "\(place)[\(index)]", reader: &reader) { producers.append(producer) }
        }
        return producers
    }

    private static func entry(_ item: Node, place: String, reader: inout SchemaReader) -> Producer? {
        guard let fields = reader.fields(item, allowed: entryKeys, in: place) else { return nil }
        reader.require(fields, "group", in: place)
        reader.require(fields, "kind", in: place)
        // The core group is "", which a configuration may well write: only the kind must not be empty.
        let group = reader.string(fields["group"], "\(place).group")
        let kind = reader.name(fields["kind"], "\(place).kind")
        var producer = Producer(group: group?.value ?? "", kind: kind?.value ?? "", mark: item.start)
        for objectKind in Producer.ObjectKind.allCases {
            let key = objectKind.listKey
            for (index, node) in (reader.list(fields[key], "\(place).\(key)") ?? []).enumerated() {
                if let object = madeObject(node, kind: objectKind, place: "\(place).\(key)[\(index)]", reader: &reader) {
                    producer.objects.append(object)
                }
            }
        }
        for (index, node) in (reader.list(fields["pods"], "\(place).pods") ?? []).enumerated() {
            if let pods = madePods(node, place: "\(place).pods[\(index)]", reader: &reader) { producer.pods.append(pods) }
        }
        if let readsPair = fields["reads"], !readsPair.value.isNull,
           let reads = reader.fields(readsPair.value, allowed: readKeys, in: "\(place).reads") {
            for objectKind in Producer.ObjectKind.allCases {
                let key = objectKind.listKey
                for path in reader.strings(reads[key], "\(place).reads.\(key)") ?? [] {
                    if let parsed = fieldPath(path, reader: &reader) { producer.reads.append(Producer.ReadField(kind: objectKind, path: parsed)) }
                }
            }
        }
        guard group != nil, kind != nil else { return nil }
        return producer
    }

    /// A name template, or a mapping with the template and when it applies.
    private static func madeObject(_ node: Node, kind: Producer.ObjectKind, place: String, reader: inout SchemaReader) -> Producer.MadeObject? {
        if node.scalar != nil {
            guard let text = reader.name(Pair(key: node, value: node), place), let name = template(text, reader: &reader) else { return nil }
            return Producer.MadeObject(kind: kind, name: name, condition: ProducerCondition())
        }
        guard let fields = reader.fields(node, allowed: objectKeys, in: place) else { return nil }
        reader.require(fields, "name", in: place)
        let name = reader.name(fields["name"], "\(place).name").flatMap { template($0, reader: &reader) }
        var object = Producer.MadeObject(kind: kind, name: name ?? NameTemplate(parts: [], description: ""), condition: ProducerCondition())
        if let namespace = reader.name(fields["namespace"], "\(place).namespace") {
            if namespace.value == "*" {
                object.inEveryNamespace = true
            } else {
                object.namespace = template(namespace, reader: &reader)
            }
        }
        object.condition = condition(fields, place: place, reader: &reader)
        return name == nil ? nil : object
    }

    private static func madePods(_ node: Node, place: String, reader: inout SchemaReader) -> Producer.MadePods? {
        guard let fields = reader.fields(node, allowed: podKeys, in: place) else { return nil }
        var pods = Producer.MadePods(labels: [], labelsFrom: [], condition: condition(fields, place: place, reader: &reader))
        if let labelsPair = fields["labels"], !labelsPair.value.isNull {
            guard let pairs = labelsPair.value.pairs else {
                reader.report("\(place).labels must be a mapping of label keys to name templates, found \(labelsPair.value.typeDescription)", at: labelsPair.value.start)
                return nil
            }
            for pair in pairs {
                guard let key = pair.key.scalar?.text, let value = reader.text(pair, "\(place).labels.\(pair.key.scalar?.text ?? "?")"),
                      let name = template(value, reader: &reader) else { continue }
                pods.labels.append((key, name))
            }
        }
        for path in reader.strings(fields["labelsFrom"], "\(place).labelsFrom") ?? [] {
            if let parsed = fieldPath(path, reader: &reader) { pods.labelsFrom.append(parsed) }
        }
        if pods.labels.isEmpty && pods.labelsFrom.isEmpty {
            reader.report("\(place) needs 'labels' or 'labelsFrom': pods are found by their labels", at: node.start)
            return nil
        }
        return pods
    }

    private static func condition(_ fields: Fields, place: String, reader: inout SchemaReader) -> ProducerCondition {
        var condition = ProducerCondition()
        condition.when = alternatives(fields["when"], place: "\(place).when", reader: &reader)
        condition.unless = alternatives(fields["unless"], place: "\(place).unless", reader: &reader)
        return condition
    }

    /// A mapping of field paths to accepted values, or a list of such mappings (any holds).
    private static func alternatives(_ pair: Pair?, place: String, reader: inout SchemaReader) -> [[ProducerCondition.Clause]] {
        guard let pair, !pair.value.isNull else { return [] }
        let mappings = pair.value.items ?? [pair.value]
        var result: [[ProducerCondition.Clause]] = []
        for mapping in mappings {
            guard let pairs = mapping.pairs, !pairs.isEmpty else {
                reader.report("\(place) must map field paths to the values that satisfy it, found \(mapping.typeDescription)", at: mapping.start)
                continue
            }
            var clauses: [ProducerCondition.Clause] = []
            for entry in pairs {
                guard let text = entry.key.scalar?.text,
                      let path = fieldPath(Located(text, at: entry.key.start), reader: &reader) else { continue }
                let values = (entry.value.items ?? [entry.value]).compactMap { $0.scalar?.text }
                if values.isEmpty {
                    reader.report("\(place).\(text) must be a value or a list of values (\"*\": any value)", at: entry.value.start)
                    continue
                }
                clauses.append(ProducerCondition.Clause(path: path, accepted: values))
            }
            if !clauses.isEmpty { result.append(clauses) }
        }
        return result
    }

    private static func template(_ text: Located<String>, reader: inout SchemaReader) -> NameTemplate? {
        switch NameTemplate.parse(text.value) {
        case .success(let template): return template
        case .failure(let error):
            reader.report(error.message, at: text.mark)
            return nil
        }
    }

    private static func fieldPath(_ text: Located<String>, reader: inout SchemaReader) -> FieldPath? {
        switch FieldPath.parse(text.value) {
        case .success(let path): return path
        case .failure(let error):
            reader.report(error.message, at: text.mark)
            return nil
        }
    }
}

/// The configuration's `producers`: entries of the producer table for the operators kubelint
/// does not know, added to the built-in ones, in the built-in table's format.
package struct ConfiguredProducers: ConfigurationSection {
    package static let key = "producers"
    package var entries: [Producer] = []

    package init() {}

    package mutating func read(_ pair: Pair, reader: inout SchemaReader) {
        guard let items = reader.list(pair, Self.key) else { return }
        entries += ProducerReader.entries(items, place: Self.key, reader: &reader)
    }
}
