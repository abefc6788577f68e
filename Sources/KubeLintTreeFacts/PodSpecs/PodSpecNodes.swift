import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The pod spec a resource runs, as parsed nodes: for the rules about fields the typed model
/// leaves out (security contexts, host namespaces, affinity, sysctls). Paths are the ones
/// messages name fields by (`spec.template.spec.containers[0].securityContext`).
package struct PodSpecNodes {
    /// The pod spec mapping.
    package var spec: Node
    /// Where the spec sits in the object: `spec`, `spec.template.spec`, or
    /// `spec.jobTemplate.spec.template.spec`.
    package var path: PodFieldPath
    /// The pod template's `metadata` (a Pod's own), when written.
    package var metadata: Node?
    /// The `spec` key that introduces the pod spec: where findings about the spec as a whole point.
    package var specKeyMark: Mark
    package var containers: [ContainerNodes]

    /// A resource's pod spec; nil when it runs no pods or its spec is not a mapping.
    package init?(_ resource: Resource) {
        let specPath: [String]
        switch resource.body {
        case .pod:
            specPath = ["spec"]
        case .workload(let workload):
            specPath = workload.kind == .cronJob
                ? ["spec", "jobTemplate", "spec", "template", "spec"]
                : ["spec", "template", "spec"]
        case .generic:
            // Custom resources that run pods from a standard template (Argo Rollouts,
            // OpenShift DeploymentConfigs); operator-run pods have no spec in the tree.
            guard resource.podTemplate?.spec != nil else { return nil }
            specPath = ["spec", "template", "spec"]
        default:
            return nil
        }
        let holder = Self.parent(of: specPath, in: resource.root)
        guard let specPair = holder?.pair("spec"), specPair.value.kind == .mapping else { return nil }
        spec = specPair.value
        specKeyMark = specPair.key.start
        path = PodFieldPath(specPath.joined(separator: "."))
        metadata = holder?["metadata"]
        var containers: [ContainerNodes] = []
        for role in ContainerNodes.Role.allCases {
            guard let list = spec[role.rawValue]?.items else { continue }
            let listPath = PodFieldPath(parent: path, key: role.rawValue)
            for (index, item) in list.enumerated() where item.kind == .mapping {
                containers.append(ContainerNodes(node: item, path: PodFieldPath(parent: listPath, index: index), role: role))
            }
        }
        self.containers = containers
    }

    /// The mapping that holds the spec: the object for a Pod, else the template.
    private static func parent(of specPath: [String], in root: Node) -> Node? {
        var node: Node? = root
        for key in specPath.dropLast() { node = node?[key] }
        return node
    }

    /// A field of the pod spec with its path.
    package func field(_ key: String) -> PodField? {
        spec.pair(key).map { PodField(pair: $0, parent: path, key: key) }
    }

    /// The container setting a security field, else the pod: what applies to the container,
    /// since a container's `securityContext` wins over the pod's for the fields both have.
    package func effectiveSecurity(_ key: String, of container: ContainerNodes) -> PodField? {
        if let own = container.securityField(key) { return own }
        return field("securityContext")?.field(key)
    }
}

/// One container of a pod spec, as parsed nodes.
package struct ContainerNodes {
    package enum Role: String, CaseIterable {
        case container = "containers"
        case initContainer = "initContainers"
        case ephemeral = "ephemeralContainers"
    }

    package var node: Node
    /// `spec.template.spec.containers[0]`.
    package var path: PodFieldPath
    package var role: Role

    package var name: String? { node["name"].flatMap(MappingReader.string) }

    /// `container 'web'`, for messages.
    package var label: String {
        let kind = switch role {
        case .container: "container"
        case .initContainer: "init container"
        case .ephemeral: "ephemeral container"
        }
        return name.map { "\(kind) '\($0)'" } ?? "\(kind) \(path.text)"
    }

    /// Where a finding about the container as a whole points: its `name` value, else its start.
    package var mark: Mark { node["name"]?.start ?? node.start }

    /// A field of the container with its path.
    package func field(_ key: String) -> PodField? {
        node.pair(key).map { PodField(pair: $0, parent: path, key: key) }
    }

    /// A field of the container's `securityContext` with its path.
    package func securityField(_ key: String) -> PodField? {
        field("securityContext")?.field(key)
    }

    /// Where a finding about a missing security setting points: the `securityContext` key when
    /// there is one, else the container's name.
    package var securityMark: Mark { node.pair("securityContext")?.key.start ?? mark }
}

/// A field as written: its key and value nodes and its path, with typed reads of the value.
/// The path is kept as its parent and key, and spelt out only for a message.
package struct PodField {
    package var pair: Pair
    package var parent: PodFieldPath
    package var key: String

    package init(pair: Pair, parent: PodFieldPath, key: String) {
        self.pair = pair
        self.parent = parent
        self.key = key
    }

    /// A field at a path of its own (a list item read as a mapping).
    package init(pair: Pair, path: PodFieldPath) {
        self.pair = pair
        parent = path
        key = ""
    }

    package var value: Node { pair.value }
    package var mark: Mark { pair.value.start }
    package var keyMark: Mark { pair.key.start }

    /// `spec.containers[0].securityContext.privileged`.
    package var path: String { key.isEmpty ? parent.text : parent.text + "." + key }

    private var ownPath: PodFieldPath { key.isEmpty ? parent : PodFieldPath(parent: parent, key: key) }

    package var bool: Bool? {
        if case .bool(let flag) = pair.value.scalar?.resolved { return flag }
        return nil
    }

    package var int: Int? {
        if case .int(let number) = pair.value.scalar?.resolved { return Int(exactly: number) }
        return nil
    }

    package var string: String? { MappingReader.string(pair.value) }

    /// A nested field, for mappings (`seccompProfile.type`).
    package func field(_ key: String) -> PodField? {
        pair.value.pair(key).map { PodField(pair: $0, parent: ownPath, key: key) }
    }

    /// The items of a list value, each with its path.
    package var items: [(node: Node, path: PodFieldPath)] {
        guard let items = pair.value.items else { return [] }
        let list = ownPath
        return items.enumerated().map { ($1, PodFieldPath(parent: list, index: $0)) }
    }
}

/// A path to a field (`spec.containers[0].ports[1]`) as links to its parent, so that text is
/// built only for the fields a message names.
package final class PodFieldPath: Sendable, CustomStringConvertible {
    private let parent: PodFieldPath?
    private let key: String?
    private let index: Int

    /// A path written out (`spec.template.spec`).
    package init(_ text: String) {
        parent = nil
        key = text
        index = -1
    }

    package init(parent: PodFieldPath, key: String) {
        self.parent = parent
        self.key = key
        index = -1
    }

    package init(parent: PodFieldPath, index: Int) {
        self.parent = parent
        key = nil
        self.index = index
    }

    package var text: String {
        var steps: [PodFieldPath] = []
        var current: PodFieldPath? = self
        while let step = current {
            steps.append(step)
            current = step.parent
        }
        var result = ""
        for step in steps.reversed() {
            if let key = step.key {
                if !result.isEmpty { result += "." }
                result += key
            } else {
                result += "[\(step.index)]"
            }
        }
        return result
    }

    package var description: String { text }
}
