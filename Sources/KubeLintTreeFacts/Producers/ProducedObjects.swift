import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Secrets, ConfigMaps and Services that the tree brings into being without writing them out,
/// so that references to them resolve: what the producer table says the tree's custom resources
/// (and cert-manager's annotated Ingresses) make, what its own workloads make at run time
/// (`RunTimeObjects`), and the `configMapGenerator` / `secretGenerator` entries of a
/// kustomization.yaml. Also what a missing object can be traced to: the fields of known kinds
/// that only read it, and the custom resources of unknown kinds it is probably made by.
/// Derived once per lint, in linear time; every question is one lookup.
package final class ProducedObjects: Fact {
    private struct KindAndName: Hashable {
        var kind: String
        var name: String
    }

    /// A field of a known kind that names an object it reads.
    struct Reading {
        var resource: Resource
        var field: String
        var mark: Mark
    }

    private let keys: Set<ResourceIndex.ObjectKey>
    /// Kustomize sets the namespace when it builds, and some producers make an object in every
    /// namespace: those count in every namespace.
    private let inEveryNamespace: Set<KindAndName>
    private let readings: [ResourceIndex.ObjectKey: [Reading]]
    /// Custom resources of kinds the table does not know, by namespace and name: the fallback's
    /// candidates.
    private let unknownByName: [String: [String: Resource]]
    /// Secrets named in a `secretName` field of such a resource: it may make them or read them.
    private let unknownSecretNames: [ResourceIndex.ObjectKey: Resource]

    package static let dependencies: [any Fact.Type] = [SchemaReport.self, PodRunners.self]

    package static func derive(from context: LintContext) -> ProducedObjects {
        ProducedObjects(
            context.index, table: ProducerTable(configuration: context.configuration, objects: context.index.resources),
            schema: context[SchemaReport.self], runners: context[PodRunners.self].all
        )
    }

    init(_ index: ResourceIndex, table: ProducerTable, schema: SchemaReport, runners: [PodRunner]) {
        var keys: Set<ResourceIndex.ObjectKey> = []
        var inEveryNamespace: Set<KindAndName> = []
        var readings: [ResourceIndex.ObjectKey: [Reading]] = [:]
        var unknownByName: [String: [String: Resource]] = [:]
        var unknownSecretNames: [ResourceIndex.ObjectKey: Resource] = [:]
        for resource in index.resources {
            if resource.isKustomization {
                for (kind, name) in Self.generatedObjects(resource.root) {
                    inEveryNamespace.insert(KindAndName(kind: kind, name: name))
                }
                continue
            }
            let namespace = index.namespace(of: resource)
            for made in table.objects(madeBy: resource, namespace: namespace) {
                if let madeNamespace = made.namespace {
                    keys.insert(ResourceIndex.ObjectKey(kind: made.kind.rawValue, namespace: madeNamespace, name: made.name))
                } else {
                    inEveryNamespace.insert(KindAndName(kind: made.kind.rawValue, name: made.name))
                }
            }
            for read in table.reads(of: resource, namespace: namespace) {
                readings[ResourceIndex.ObjectKey(kind: read.kind.rawValue, namespace: namespace, name: read.name.value), default: []]
                    .append(Reading(resource: resource, field: read.field, mark: read.name.mark))
            }
            if Self.isUnknownCustomResource(resource, table: table, schema: schema), let name = resource.name {
                if unknownByName[namespace]?[name] == nil { unknownByName[namespace, default: [:]][name] = resource }
                for secretName in Self.secretNameFields(in: resource.root["spec"]) {
                    let key = ResourceIndex.ObjectKey(kind: "Secret", namespace: namespace, name: secretName)
                    if unknownSecretNames[key] == nil { unknownSecretNames[key] = resource }
                }
            }
        }
        keys.formUnion(RunTimeObjects.keys(in: index, runners: runners))
        self.keys = keys
        self.inEveryNamespace = inEveryNamespace
        self.readings = readings
        self.unknownByName = unknownByName
        self.unknownSecretNames = unknownSecretNames
    }

    func contains(kind: String, namespace: String, name: String) -> Bool {
        keys.contains(ResourceIndex.ObjectKey(kind: kind, namespace: namespace, name: name))
            || inEveryNamespace.contains(KindAndName(kind: kind, name: name))
    }

    /// The fields of known kinds that name this object and only read it.
    func readings(of kind: String, namespace: String, name: String) -> [Reading] {
        readings[ResourceIndex.ObjectKey(kind: kind, namespace: namespace, name: name)] ?? []
    }

    /// The custom resource of a kind the table does not know that a missing object is probably
    /// made by: one in the same namespace whose name the object's name contains as whole words
    /// (`cache` in `cache-auth`, not in `cachet`), the longest such; or one that names it as a
    /// `secretName`. Never `referrer` itself: an object does not make what it reads.
    func likelyProducer(of kind: String, named name: String, namespace: String, referrer: Resource) -> Resource? {
        let candidates = unknownByName[namespace] ?? [:]
        var best: Resource?
        for part in Self.wordRuns(of: name) {
            guard let resource = candidates[part], !Self.same(resource, referrer) else { continue }
            if let current = best, (current.name?.count ?? 0) >= part.count { continue }
            best = resource
        }
        if best == nil, kind == "Secret",
           let resource = unknownSecretNames[ResourceIndex.ObjectKey(kind: kind, namespace: namespace, name: name)],
           !Self.same(resource, referrer) {
            best = resource
        }
        return best
    }

    /// The custom resource of a kind the table does not know whose name a selector value equals:
    /// the pods are probably its operator's.
    func likelyProducer(ofPodsSelectedBy selector: StringMap, namespace: String) -> Resource? {
        guard let candidates = unknownByName[namespace] else { return nil }
        return selector.entries.lazy.compactMap { candidates[$0.value] }.first
    }

    /// Every run of whole words of a name, words being separated by `-` or `.`.
    private static func wordRuns(of name: String) -> [String] {
        let characters = Array(name)
        var starts = [0]
        var ends: [Int] = []
        for (position, character) in characters.enumerated() where character == "-" || character == "." {
            ends.append(position)
            starts.append(position + 1)
        }
        ends.append(characters.count)
        var runs: [String] = []
        for first in starts.indices {
            for last in first..<ends.count where starts[first] < ends[last] {
                runs.append(String(characters[starts[first]..<ends[last]]))
            }
        }
        return runs
    }

    private static func same(_ lhs: Resource, _ rhs: Resource) -> Bool {
        lhs.source == rhs.source && lhs.mark == rhs.mark
    }

    /// A custom resource whose operator the table does not know, and which is not a workload
    /// itself (an Argo Rollout runs its own template's pods; it does not make Secrets).
    private static func isUnknownCustomResource(_ resource: Resource, table: ProducerTable, schema: SchemaReport) -> Bool {
        switch schema.classification(of: resource) {
        case .customResource, .customWithoutDefinition: break
        default: return false
        }
        guard let group = resource.group, let kind = resource.kind?.value else { return false }
        return !table.knows(group: group, kind: kind) && resource.podTemplate == nil
    }

    /// The `name`s of a kustomization's generators. Kustomize adds a content hash to the name
    /// and rewrites references to match, so manifests refer to the plain name.
    private static func generatedObjects(_ root: Node) -> [(String, String)] {
        var result: [(String, String)] = []
        for (key, kind) in [("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")] {
            for generator in root[key]?.items ?? [] {
                if let name = generator["name"].flatMap(MappingReader.string) { result.append((kind, name)) }
            }
        }
        return result
    }

    /// Every string value under a `secretName` key in a custom resource's spec. The walk is
    /// iterative; depth is already bounded by the parser's limits.
    private static func secretNameFields(in spec: Node?) -> [String] {
        guard let spec else { return [] }
        var names: [String] = []
        var pending = [spec]
        while let node = pending.popLast() {
            switch node.content {
            case .mapping(let pairs):
                for pair in pairs {
                    if pair.key.scalar?.text == "secretName", let name = MappingReader.string(pair.value) {
                        names.append(name)
                    } else {
                        pending.append(pair.value)
                    }
                }
            case .sequence(let items):
                pending.append(contentsOf: items)
            case .scalar:
                break
            }
        }
        return names
    }
}
