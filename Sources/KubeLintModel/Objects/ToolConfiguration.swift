/// Files that configure a tool rather than describe objects of the Kubernetes API. They have
/// an apiVersion and a kind, but no API server serves them, and `kubectl apply` refuses them.
public enum ToolConfiguration {
    /// Whether `apiVersion` and `kind` name a tool's configuration. Kustomize's own files are
    /// among them; a kustomization is still read as a resource (`Resource.isKustomization`),
    /// since kubelint learns from it which files are patches and which selectors kustomize writes.
    /// Asked for every document read: it compares bytes and builds no string.
    public static func contains(apiVersion: String, kind: String) -> Bool {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            // A kubeconfig file (`kubectl config view`): read by clients, not served by the API.
            return apiVersion == "v1" && kind == "Config"
        }
        let group = apiVersion.utf8[..<slash]
        return groups.contains { group.elementsEqual($0.utf8) } || group.reversed().starts(with: configGroupSuffix.utf8.reversed())
    }

    /// Whether `apiVersion` is kustomize's own (Kustomization, Component).
    public static func isKustomize(apiVersion: String) -> Bool {
        apiVersion.utf8.starts(with: (Resource.kustomizeGroup + "/").utf8)
    }

    /// The groups of tools' own configuration files kept in manifest trees: Kubernetes
    /// components (audit policy, kubeadm; kubelet, kube-proxy, scheduler and API server
    /// configuration are all `*.config.k8s.io`), kustomize, local-cluster and development
    /// tools (skaffold, kind, k3d, ctlptl), and test runners (kuttl, chainsaw, the kyverno CLI).
    /// CustomResourceDefinitions need a group with a dot, so `skaffold` can be no API's group.
    static let groups: [String] = [
        Resource.kustomizeGroup, "audit.k8s.io", "kubeadm.k8s.io", "apiserver.k8s.io",
        "skaffold", "kind.x-k8s.io", "k3d.io", "ctlptl.dev",
        "kuttl.dev", "chainsaw.kyverno.io", "cli.kyverno.io",
    ]

    private static let configGroupSuffix = ".config.k8s.io"

    /// What a document without `kind` is when it sits in a file Helm reads by this name: the
    /// chart's metadata (`Chart.yaml`, with an `apiVersion` of Helm's own) or its default
    /// values (`values.yaml`, where charts often take an `apiVersion` option).
    public static func helmChartFile(named fileName: some StringProtocol) -> FileContent.NotManifest.Reason? {
        switch fileName {
        case "Chart.yaml": .chartMetadata
        case "values.yaml", "values.yml": .chartValues
        default: nil
        }
    }
}
