import KubeLintYAML

/// The pods that prometheus-operator runs for its custom resources. A Prometheus, Alertmanager,
/// ThanosRuler or PrometheusAgent object carries no pod template: the operator makes a
/// StatefulSet whose pods have labels of its own (naming the kind and the object) and the
/// labels of `spec.podMetadata`. Services written beside the object select those pods.
enum OperatorPods {
    /// The labels the operator gives every pod of the kind, where `{name}` is the object's name.
    /// Older releases used `app: <kind>` where newer ones use the `app.kubernetes.io` labels;
    /// both are listed, so a selector written for either release matches.
    private static let labelsByKind: [String: [(key: String, value: String)]] = [
        "Prometheus": [
            ("app", "prometheus"), ("prometheus", "{name}"),
            ("app.kubernetes.io/name", "prometheus"), ("app.kubernetes.io/instance", "{name}"),
            ("app.kubernetes.io/managed-by", "prometheus-operator"),
            ("operator.prometheus.io/name", "{name}"), ("operator.prometheus.io/shard", "0"),
        ],
        "PrometheusAgent": [
            ("app.kubernetes.io/name", "prometheus-agent"), ("app.kubernetes.io/instance", "{name}"),
            ("app.kubernetes.io/managed-by", "prometheus-operator"),
            ("operator.prometheus.io/name", "{name}"), ("operator.prometheus.io/shard", "0"),
        ],
        "Alertmanager": [
            ("app", "alertmanager"), ("alertmanager", "{name}"),
            ("app.kubernetes.io/name", "alertmanager"), ("app.kubernetes.io/instance", "{name}"),
            ("app.kubernetes.io/managed-by", "prometheus-operator"),
        ],
        "ThanosRuler": [
            ("app", "thanos-ruler"), ("thanos-ruler", "{name}"),
            ("app.kubernetes.io/name", "thanos-ruler"), ("app.kubernetes.io/instance", "{name}"),
            ("app.kubernetes.io/managed-by", "prometheus-operator"),
        ],
    ]

    /// The pod template of such an object: its labels, and no spec, because the containers
    /// (and so the ports) are the operator's. Nil for every other kind.
    static func template(of resource: Resource) -> PodTemplate? {
        guard resource.group == "monitoring.coreos.com", let kind = resource.kind?.value,
              let operatorLabels = labelsByKind[kind], let name = resource.metadata.name else { return nil }
        var context = DecodeContext()
        let podMetadata = resource.root["spec"]?["podMetadata"].flatMap { node in
            MappingReader(node, path: "spec.podMetadata", context: &context)
        }
        let ownLabels = podMetadata?.stringMap("labels", context: &context) ?? StringMap()
        // The operator's labels are set over the user's; they point at the object's name.
        let ownKeys = Set(operatorLabels.map(\.key))
        var entries = ownLabels.entries.filter { !ownKeys.contains($0.key) }
        for label in operatorLabels {
            let value = label.value == "{name}" ? name.value : label.value
            entries.append(StringMap.Entry(key: label.key, value: value, keyMark: name.mark, valueMark: name.mark))
        }
        let metadata = ObjectMeta(labels: StringMap(entries: entries, mark: ownLabels.mark ?? name.mark))
        return PodTemplate(metadata: metadata, spec: nil, mark: resource.root.start)
    }
}
