import KubeLintModel
import KubeLintYAML

/// ConfigMaps and Secrets that the tree produces without writing them out, so that pods using
/// them are not told they are missing: the GitOps kinds that exist to make Secrets
/// (SealedSecret, ExternalSecret), any custom resource whose spec names a `secretName` it fills
/// (cert-manager's Certificate and its kin), the install-time Jobs of Helm charts that generate
/// a Secret (`--secret-name=...`, as kube-webhook-certgen does), the TLS Secrets of an Ingress
/// that asks cert-manager for its certificate, the Secrets that database and Kafka operators
/// name after their custom resources (`OperatorSecrets`), and the `configMapGenerator` /
/// `secretGenerator` entries of a kustomization.yaml.
struct ProducedObjects {
    private struct KindAndName: Hashable {
        var kind: String
        var name: String
    }

    private var keys: Set<ResourceIndex.ObjectKey> = []
    /// Kustomize sets the namespace when it builds, so generated objects count in every namespace.
    private var inEveryNamespace: Set<KindAndName> = []

    init(_ index: ResourceIndex) {
        for resource in index.resources {
            if resource.isKustomization {
                for (kind, name) in Self.generatedObjects(resource.root) {
                    inEveryNamespace.insert(KindAndName(kind: kind, name: name))
                }
                continue
            }
            let namespace = index.namespace(of: resource)
            for name in Self.secretNames(producedBy: resource) {
                keys.insert(ResourceIndex.ObjectKey(kind: "Secret", namespace: namespace, name: name))
            }
        }
    }

    func contains(kind: String, namespace: String, name: String) -> Bool {
        keys.contains(ResourceIndex.ObjectKey(kind: kind, namespace: namespace, name: name))
            || inEveryNamespace.contains(KindAndName(kind: kind, name: name))
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
        case "Ingress":
            guard case .ingress(let ingress) = resource.body, requestsCertificate(resource.metadata.annotations) else { return [] }
            return ingress.tls.compactMap { $0.secretName?.value }
        case "Job", "CronJob", "Pod":
            return (resource.podTemplate?.spec?.allContainers ?? []).flatMap { container in
                secretNameArguments(container.command + container.args)
            }
        default:
            guard case .generic = resource.body, let group = resource.group, group != "" else { return [] }
            let operatorMade = resource.name.map { OperatorSecrets.names(kind: kind, group: group, name: $0) } ?? []
            return operatorMade + (root["spec"].map(secretNameFields) ?? [])
        }
    }

    /// The annotations on which cert-manager's ingress-shim makes a Certificate for each
    /// `tls` entry, stored in the Secret the entry names: an issuer (current and pre-0.11
    /// group), or `kubernetes.io/tls-acme: "true"` with the cluster's default issuer.
    private static func requestsCertificate(_ annotations: StringMap) -> Bool {
        let issuerKeys = [
            "cert-manager.io/cluster-issuer", "cert-manager.io/issuer",
            "certmanager.k8s.io/cluster-issuer", "certmanager.k8s.io/issuer",
        ]
        return issuerKeys.contains { annotations.entry($0) != nil } || annotations.entry("kubernetes.io/tls-acme")?.value == "true"
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
