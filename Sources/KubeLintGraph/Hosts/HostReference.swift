import KubeLintModel
import KubeLintYAML

/// An in-cluster host that a pod's configuration names, in Service form: the detail of a
/// `.host` edge. The value is written in the pod spec (`env[].value`) or in a ConfigMap the
/// pod reads into its environment (`envFrom`, `configMapKeyRef`).
public struct HostReference: Sendable {
    /// The environment variable the container reads the value as.
    public var variable: String
    /// The key the value is written under where it is written: the env var's name, or the
    /// ConfigMap's data key.
    public var key: String
    public var mention: HostMention
    public var service: ServiceHost
    /// Where a paired `*_PORT` value is written (object position and mark), when the port is one.
    public var portSite: Int?
    public var portMark: Mark?

    /// `host:port` as written, for messages (never the whole value: URLs carry passwords).
    public var address: String {
        guard let port = mention.port else { return mention.host }
        return "\(mention.host):\(port.number)"
    }
}

/// One variable of a container's environment: its value and where the value is written.
struct EnvironmentVariable {
    var name: String
    var value: String
    /// The object the value is written in (the pod runner, or a ConfigMap) and where.
    var site: Int
    var mark: Mark
    /// The key it is written under there.
    var key: String
}

/// The environment of one container as Kubernetes assembles it: `envFrom` ConfigMaps first,
/// then `env`, a later definition of a name replacing an earlier one. Only values the tree
/// shows are kept: literal `env` values, and ConfigMap data the tree has (`configMapKeyRef`,
/// `envFrom` with its `prefix`). Secrets are left out: their values are not configuration
/// people read, and mostly base64.
struct ContainerEnvironment {
    private(set) var variables: [EnvironmentVariable] = []
    private var positions: [String: Int] = [:]

    /// `configMap(name)`: the tree's ConfigMap of that name in the pod's namespace, with its
    /// position, if it has one.
    init(_ container: Container, runner: Int, configMap: (String) -> (position: Int, data: StringMap)?) {
        variables.reserveCapacity(container.env.count)
        positions.reserveCapacity(container.env.count)
        for source in container.envFrom {
            guard let name = source.configMapRef?.name?.value, let (position, data) = configMap(name) else { continue }
            let prefix = source.prefix?.value ?? ""
            variables.reserveCapacity(variables.count + data.entries.count)
            positions.reserveCapacity(variables.count + data.entries.count)
            for entry in data.entries {
                set(EnvironmentVariable(name: prefix.isEmpty ? entry.key : prefix + entry.key, value: entry.value, site: position, mark: entry.valueMark, key: entry.key))
            }
        }
        for variable in container.env {
            guard let name = variable.name?.value else { continue }
            if let value = variable.value {
                set(EnvironmentVariable(name: name, value: value.value, site: runner, mark: value.mark, key: name))
            } else if let selector = variable.configMapKeyRef, let configMapName = selector.name?.value, let key = selector.key?.value,
                      let (position, data) = configMap(configMapName), let entry = data.entry(key) {
                set(EnvironmentVariable(name: name, value: entry.value, site: position, mark: entry.valueMark, key: entry.key))
            }
        }
    }

    subscript(name: String) -> EnvironmentVariable? {
        positions[name].map { variables[$0] }
    }

    private mutating func set(_ variable: EnvironmentVariable) {
        if let position = positions[variable.name] {
            variables[position] = variable
        } else {
            positions[variable.name] = variables.count
            variables.append(variable)
        }
    }
}
