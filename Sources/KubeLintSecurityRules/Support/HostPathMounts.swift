import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// A `hostPath` volume of a pod spec and the container mounts of it.
struct HostPathMount {
    var volumeName: String
    /// The host path as written, and where.
    var path: PodField
    /// Each container that mounts the volume, with its mount.
    var mounts: [(container: ContainerNodes, mount: Node)]
}

extension PodSpecNodes {
    /// The pod's `hostPath` volumes, with who mounts them.
    var hostPathMounts: [HostPathMount] {
        var found: [HostPathMount] = []
        for (node, volumePath) in field("volumes")?.items ?? [] {
            guard let name = node["name"].flatMap(MappingReader.string), let hostPath = node.pair("hostPath"),
                  let pathPair = hostPath.value.pair("path") else { continue }
            let mounts = containers.flatMap { container in
                (container.node["volumeMounts"]?.items ?? [])
                    .filter { $0["name"].flatMap(MappingReader.string) == name }
                    .map { (container: container, mount: $0) }
            }
            let path = PodFieldPath(parent: PodFieldPath(parent: volumePath, key: "hostPath"), key: "path")
            found.append(HostPathMount(volumeName: name, path: PodField(pair: pathPair, path: path), mounts: mounts))
        }
        return found
    }
}

extension HostPathMount {
    /// The host path without a trailing slash (`/var/run/` is `/var/run`), `/` kept.
    var normalizedPath: String {
        guard var text = path.string else { return "" }
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
