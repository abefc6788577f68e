import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The built-in producer entries and the configuration's, looked up by group and kind: the one
/// place that knows what operators make. `ProducedObjects` asks it for the Secrets, ConfigMaps
/// and Services of every resource; the `ResourceIndex` for the labels of the pods they run.
package struct ProducerTable: Sendable {
    /// Entries by kind, then group. Strings as keys, not a struct of two: the first use of a
    /// dictionary keyed by a type of our own searches the binary's conformance tables, a
    /// millisecond of every run (see `RuleExecution`); and two lookups of strings the resource
    /// already holds cost less than joining them into a new one for every object.
    private var specific: [String: [String: [Producer]]] = [:]
    /// Entries for `*` (a convention across custom kinds, such as Crossplane's connection Secrets).
    private var wildcard: [Producer] = []

    package init(_ entries: [Producer]) {
        for entry in entries {
            if entry.isSpecific {
                specific[entry.kind, default: [:]][entry.group, default: []].append(entry)
            } else {
                wildcard.append(entry)
            }
        }
    }

    /// The built-in entries that can apply to `objects`, with the configuration's added.
    package init(configuration: LintConfiguration, objects: [Resource]) {
        self.init(BuiltInProducers.entries(for: objects) + configuration[ConfiguredProducers.self].entries)
    }

    /// Whether an entry names this kind itself: then the table says all that its operator makes,
    /// and a missing object is not guessed to be its (`ProducedObjects.likelyProducer`).
    func knows(group: String, kind: String) -> Bool {
        specific[kind]?[group] != nil
    }

    private func entries(for resource: Resource) -> [Producer] {
        // By kind first: most objects are of kinds no entry names, and their group is a new
        // string to make.
        guard let kind = resource.kind?.value else { return [] }
        let byGroup = specific[kind]
        guard byGroup != nil || !wildcard.isEmpty, let group = resource.group else { return [] }
        let named = byGroup?[group] ?? []
        // Wildcards stand for custom resources only: built-in kinds follow no operator's convention.
        guard !wildcard.isEmpty, case .generic = resource.body, !group.isEmpty else { return named }
        return named + wildcard.filter { $0.applies(group: group, kind: kind) }
    }

    /// An object a producer makes for a resource.
    struct Made {
        var kind: Producer.ObjectKind
        var name: String
        /// nil: in every namespace.
        var namespace: String?
    }

    /// The Secrets, ConfigMaps and Services the table says `resource` makes.
    func objects(madeBy resource: Resource, namespace: String) -> [Made] {
        let entries = entries(for: resource)
        guard !entries.isEmpty else { return [] }
        let subject = ProducerSubject(resource, namespace: namespace)
        var made: [Made] = []
        for entry in entries {
            for object in entry.objects where object.condition.holds(for: subject) {
                let namespaces: [String?]
                if object.inEveryNamespace {
                    namespaces = [nil]
                } else if let template = object.namespace, let named = template.names(for: subject).first {
                    namespaces = [named]
                } else {
                    namespaces = [namespace]
                }
                for name in object.name.names(for: subject) {
                    for objectNamespace in namespaces { made.append(Made(kind: object.kind, name: name, namespace: objectNamespace)) }
                }
            }
        }
        return made
    }

    /// Objects `resource` names in fields the table says it only reads, with the field.
    func reads(of resource: Resource, namespace: String) -> [(kind: Producer.ObjectKind, name: Located<String>, field: String)] {
        let entries = entries(for: resource)
        guard entries.contains(where: { !$0.reads.isEmpty }) else { return [] }
        let subject = ProducerSubject(resource, namespace: namespace)
        return entries.flatMap { entry in
            entry.reads.flatMap { read in
                read.path.locatedValues(in: subject).filter { !$0.value.isEmpty }.map { (read.kind, $0, read.path.description) }
            }
        }
    }

    /// For the index (`IndexPolicy.producedPods`): the labels of each group of pods the table
    /// of `configuration` says an object of `objects` runs in a namespace.
    package static func podLabels(for configuration: LintConfiguration, objects: [Resource]) -> @Sendable (Resource, String) -> [StringMap] {
        let table = ProducerTable(configuration: configuration, objects: objects)
        return { resource, namespace in table.podLabels(madeFor: resource, namespace: namespace) }
    }

    /// The labels of each group of pods the table says `resource` runs.
    package func podLabels(madeFor resource: Resource, namespace: String) -> [StringMap] {
        let entries = entries(for: resource)
        guard entries.contains(where: { !$0.pods.isEmpty }) else { return [] }
        let subject = ProducerSubject(resource, namespace: namespace)
        return entries.flatMap { entry in
            entry.pods.filter { $0.condition.holds(for: subject) }.map { $0.labels(for: subject) }
        }
    }
}

extension Producer.MadePods {
    /// The labels these pods carry for `subject`: those copied from its fields, then the
    /// operator's own over them. Fixed labels point at the object's name. A label whose template
    /// has no value (an optional field left out) is not set.
    func labels(for subject: ProducerSubject) -> StringMap {
        var entries: [StringMap.Entry] = []
        var mark: Mark?
        func set(_ entry: StringMap.Entry) {
            entries.removeAll { $0.key == entry.key }
            entries.append(entry)
        }
        for path in labelsFrom {
            for node in path.nodes(in: subject) {
                mark = mark ?? node.start
                for pair in node.pairs ?? [] {
                    guard let key = MappingReader.keyText(pair.key), let value = MappingReader.string(pair.value) else { continue }
                    set(StringMap.Entry(key: key, value: value, keyMark: pair.key.start, valueMark: pair.value.start))
                }
            }
        }
        for label in labels {
            guard let value = label.value.names(for: subject).first else { continue }
            set(StringMap.Entry(key: label.key, value: value, keyMark: subject.nameMark, valueMark: subject.nameMark))
        }
        return StringMap(entries: entries, mark: mark ?? subject.nameMark)
    }
}

extension ProducerSubject {
    init(_ resource: Resource, namespace: String) {
        self.init(root: resource.root, name: resource.name, namespace: namespace, nameMark: resource.nameMark)
    }
}
