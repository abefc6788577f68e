/// Secrets that an operator makes for each of its custom resources and names after it, so the
/// applications beside the resource can read them: the names are fixed by the operator, not
/// written anywhere in the resource.
enum OperatorSecrets {
    private struct Kind: Hashable {
        var group: String
        var kind: String
    }

    /// Suffixes appended to the resource's name.
    private static let suffixes: [Kind: [String]] = [
        // CloudNativePG: the application user's credentials, the superuser's, and the
        // certificates of the cluster.
        Kind(group: "postgresql.cnpg.io", kind: "Cluster"): ["-app", "-superuser", "-ca", "-server", "-replication"],
        // Strimzi: the cluster and clients certificate authorities of a Kafka cluster...
        Kind(group: "kafka.strimzi.io", kind: "Kafka"): ["-cluster-ca-cert", "-cluster-ca", "-clients-ca-cert", "-clients-ca"],
        // ...and a KafkaUser's credentials (certificate or password) under the user's own name.
        Kind(group: "kafka.strimzi.io", kind: "KafkaUser"): [""],
    ]

    static func names(kind: String, group: String, name: String) -> [String] {
        (suffixes[Kind(group: group, kind: kind)] ?? []).map { name + $0 }
    }
}
