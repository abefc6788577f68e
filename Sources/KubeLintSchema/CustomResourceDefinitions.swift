import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// The CustomResourceDefinitions found in the tree, with their `openAPIV3Schema`s read into a
/// compact form that custom resources are checked against, offline.
struct CustomResourceDefinitions: Sendable {
    /// One node of an OpenAPI v3 schema: the parts kubelint checks.
    struct SchemaNode: Sendable {
        enum Additional: Sendable {
            case unspecified
            case allowed(Bool)
            case schema(Int)
        }

        var type: String?
        var properties: [String: Int] = [:]
        var required: [String] = []
        var items: Int?
        var additionalProperties: Additional = .unspecified
        var enumValues: [ResolvedScalar]?
        var preservesUnknownFields = false
        var intOrString = false
        var embeddedResource = false

        /// Whether keys not listed in `properties` are kept (else they are unknown fields).
        var acceptsUnknownKeys: Bool {
            if preservesUnknownFields { return true }
            switch additionalProperties {
            case .allowed(let allowed): return allowed
            case .schema: return true
            case .unspecified: return false
            }
        }
    }

    struct Version: Sendable {
        var served: Bool
        var schema: Int?
    }

    struct Definition: Sendable {
        var name: String
        var group: String
        var kind: String
        var versions: [String: Version]
        var file: String
        var mark: Mark
        /// `spec.preserveUnknownFields`: unknown fields are kept, so none is an error. It
        /// defaults to true in apiextensions.k8s.io/v1beta1.
        var preservesUnknownFields: Bool

        var servedVersions: [String] { versions.filter(\.value.served).map(\.key).sorted() }
    }

    struct GroupKind: Hashable, Sendable {
        var group: String
        var kind: String
    }

    private(set) var nodes: [SchemaNode] = []
    private(set) var definitions: [GroupKind: Definition] = [:]

    init(_ index: ResourceIndex) {
        for resource in index.resources(ofKind: "CustomResourceDefinition") {
            guard let group = resource.group, group == "apiextensions.k8s.io" else { continue }
            add(resource)
        }
    }

    func definition(group: String, kind: String) -> Definition? {
        definitions[GroupKind(group: group, kind: kind)]
    }

    private mutating func add(_ resource: Resource) {
        let root = resource.root
        guard let spec = root["spec"], let group = spec["group"].flatMap(MappingReader.string),
              let kind = spec["names"]?["kind"].flatMap(MappingReader.string) else { return }
        // apiextensions.k8s.io/v1beta1 allowed one schema for all versions (`spec.validation`).
        let sharedSchema = spec["validation"]?["openAPIV3Schema"].map { read($0) }
        var versions: [String: Version] = [:]
        for item in spec["versions"]?.items ?? [] {
            guard let name = item["name"].flatMap(MappingReader.string) else { continue }
            var served = true
            if let flag = item["served"]?.scalar, case .bool(let value) = flag.resolved { served = value }
            let schema = item["schema"]?["openAPIV3Schema"].map { read($0) } ?? sharedSchema
            versions[name] = Version(served: served, schema: schema)
        }
        if versions.isEmpty, let name = spec["version"].flatMap(MappingReader.string) {
            versions[name] = Version(served: true, schema: sharedSchema)
        }
        var preservesUnknownFields = resource.apiVersion?.value == "apiextensions.k8s.io/v1beta1"
        if let flag = spec["preserveUnknownFields"]?.scalar, case .bool(let value) = flag.resolved {
            preservesUnknownFields = value
        }
        let key = GroupKind(group: group, kind: kind)
        // Two definitions of one kind: the first wins (the duplicate is another rule's business).
        guard definitions[key] == nil else { return }
        definitions[key] = Definition(
            name: resource.name ?? "\(kind).\(group)", group: group, kind: kind, versions: versions,
            file: resource.source.file, mark: resource.nameMark, preservesUnknownFields: preservesUnknownFields
        )
    }

    /// Reads a schema tree iteratively; returns the index of its root node.
    private mutating func read(_ root: Node) -> Int {
        let rootIndex = nodes.count
        nodes.append(SchemaNode())
        var pending: [(node: Node, index: Int)] = [(root, rootIndex)]
        while let (node, index) = pending.popLast() {
            var schema = SchemaNode()
            guard case .mapping = node.content else {
                nodes[index] = schema
                continue
            }
            func child(_ value: Node) -> Int {
                let childIndex = nodes.count
                nodes.append(SchemaNode())
                pending.append((value, childIndex))
                return childIndex
            }
            schema.type = node["type"].flatMap(MappingReader.string)
            if let properties = node["properties"]?.pairs {
                for pair in properties {
                    guard let name = MappingReader.keyText(pair.key) else { continue }
                    schema.properties[name] = child(pair.value)
                }
            }
            schema.required = node["required"]?.items?.compactMap(MappingReader.string) ?? []
            if let items = node["items"], case .mapping = items.content {
                schema.items = child(items)
            }
            if let additional = node["additionalProperties"] {
                switch additional.content {
                case .scalar(let scalar):
                    if case .bool(let allowed) = scalar.resolved { schema.additionalProperties = .allowed(allowed) }
                case .mapping:
                    schema.additionalProperties = .schema(child(additional))
                case .sequence:
                    break
                }
            }
            if let values = node["enum"]?.items {
                let scalars = values.compactMap { $0.scalar?.resolved }
                if scalars.count == values.count { schema.enumValues = scalars }
            }
            schema.preservesUnknownFields = Self.flag(node, "x-kubernetes-preserve-unknown-fields")
            schema.intOrString = Self.flag(node, "x-kubernetes-int-or-string")
            schema.embeddedResource = Self.flag(node, "x-kubernetes-embedded-resource")
            nodes[index] = schema
        }
        return rootIndex
    }

    private static func flag(_ node: Node, _ key: String) -> Bool {
        if let scalar = node[key]?.scalar, case .bool(let value) = scalar.resolved { return value }
        return false
    }
}
