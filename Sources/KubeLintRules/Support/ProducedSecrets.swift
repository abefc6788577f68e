import KubeLintModel
import KubeLintYAML

/// Secrets that objects in the tree create at run time, so that pods using them are not told
/// the Secret is missing: the GitOps kinds that exist to make Secrets (SealedSecret,
/// ExternalSecret), any custom resource whose spec names a `secretName` it fills (cert-manager's
/// Certificate and its kin), and the install-time Jobs of Helm charts that generate a Secret
/// (`--secret-name=...`, as kube-webhook-certgen does).
struct ProducedSecrets {
    private var keys: Set<ResourceIndex.ObjectKey> = []

    init(_ index: ResourceIndex) {
        for resource in index.resources {
            let namespace = index.namespace(of: resource)
            for name in Self.secretNames(producedBy: resource) {
                keys.insert(ResourceIndex.ObjectKey(kind: "Secret", namespace: namespace, name: name))
            }
        }
    }

    func contains(namespace: String, name: String) -> Bool {
        keys.contains(ResourceIndex.ObjectKey(kind: "Secret", namespace: namespace, name: name))
    }

    private static func secretNames(producedBy resource: Resource) -> [String] {
        guard let kind = resource.kind?.value else { return [] }
        let root = resource.root
        switch kind {
        case "SealedSecret":
            let templateName = root["spec"]?["template"]?["metadata"]?["name"].flatMap(MappingReader.string)
            return [templateName ?? resource.name].compactMap { $0 }
        case "ExternalSecret":
            let targetName = root["spec"]?["target"]?["name"].flatMap(MappingReader.string)
            return [targetName ?? resource.name].compactMap { $0 }
        case "Job", "CronJob", "Pod":
            return (resource.podTemplate?.spec?.allContainers ?? []).flatMap { container in
                secretNameArguments(container.command + container.args)
            }
        default:
            guard case .generic = resource.body, resource.group != "", let spec = root["spec"] else { return [] }
            return secretNameFields(in: spec)
        }
    }

    /// `--secret-name=NAME` or `--secret-name NAME` among a container's arguments.
    private static func secretNameArguments(_ arguments: [Located<String>]) -> [String] {
        var names: [String] = []
        for (position, argument) in arguments.enumerated() {
            let text = argument.value
            if text.hasPrefix("--secret-name=") {
                names.append(String(text.dropFirst("--secret-name=".count)))
            } else if text == "--secret-name", position + 1 < arguments.count {
                names.append(arguments[position + 1].value)
            }
        }
        return names.filter { !$0.isEmpty }
    }

    /// Every string value under a `secretName` key in a custom resource's spec. The walk is
    /// iterative; depth is already bounded by the parser's limits.
    private static func secretNameFields(in spec: Node) -> [String] {
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
