import KubeLintModel
import KubeLintYAML

/// One reference from a pod spec to a ConfigMap or Secret: by env key, by `envFrom`, or by a
/// volume (direct or projected) with the keys its `items` name.
public struct ConfigReference: Sendable {
    public enum Target: String, Sendable {
        case configMap = "ConfigMap"
        case secret = "Secret"
    }

    public var target: Target
    public var name: Located<String>
    /// Keys that must exist in the object; empty when the whole object is used.
    public var keys: [Located<String>]
    /// `optional: true`: Kubernetes starts the pod without the object or key.
    public var isOptional: Bool
    public var origin: Origin

    /// Where a reference is made; described only when a finding needs it.
    public enum Origin: Sendable, CustomStringConvertible {
        case env(variable: String?, container: String?)
        case envFrom(container: String?)
        case volume(String?)

        public var description: String {
            switch self {
            case .env(let variable, let container): "env \(variable ?? "?") of \(Self.describe(container))"
            case .envFrom(let container): "envFrom of \(Self.describe(container))"
            case .volume(let name): "volume \(name ?? "?")"
            }
        }

        /// Custom kinds such as Knative's Service let a lone container go without a name.
        private static func describe(_ container: String?) -> String {
            container.map { "container \($0)" } ?? "the container without a name"
        }
    }
}

extension PodSpec {
    /// Every ConfigMap and Secret reference of the spec, in source order.
    public var configReferences: [ConfigReference] {
        var references: [ConfigReference] = []
        for container in allContainers {
            let containerName = container.name?.value
            for variable in container.env {
                let origin = ConfigReference.Origin.env(variable: variable.name?.value, container: containerName)
                if let selector = variable.configMapKeyRef, let name = selector.name {
                    references.append(ConfigReference(target: .configMap, name: name, keys: selector.key.map { [$0] } ?? [], isOptional: selector.isOptional, origin: origin))
                }
                if let selector = variable.secretKeyRef, let name = selector.name {
                    references.append(ConfigReference(target: .secret, name: name, keys: selector.key.map { [$0] } ?? [], isOptional: selector.isOptional, origin: origin))
                }
            }
            for source in container.envFrom {
                let origin = ConfigReference.Origin.envFrom(container: containerName)
                if let reference = source.configMapRef, let name = reference.name {
                    references.append(ConfigReference(target: .configMap, name: name, keys: [], isOptional: reference.isOptional, origin: origin))
                }
                if let reference = source.secretRef, let name = reference.name {
                    references.append(ConfigReference(target: .secret, name: name, keys: [], isOptional: reference.isOptional, origin: origin))
                }
            }
        }
        for volume in volumes {
            let origin = ConfigReference.Origin.volume(volume.name?.value)
            for source in volume.configMapSources {
                guard let name = source.name else { continue }
                references.append(ConfigReference(target: .configMap, name: name, keys: source.items.compactMap(\.key), isOptional: source.isOptional, origin: origin))
            }
            for source in volume.secretSources {
                guard let name = source.name else { continue }
                references.append(ConfigReference(target: .secret, name: name, keys: source.items.compactMap(\.key), isOptional: source.isOptional, origin: origin))
            }
        }
        return references
    }
}
