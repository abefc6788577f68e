import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// What the reference rules add to a finding about something missing, from what the tree's
/// custom resources are known to make and read (`ProducedObjects`):
///
/// - when a custom resource of a kind the producer table does not know probably makes it (its
///   name holds the resource's name, or a selector value is that name), the finding becomes
///   `info`: kubelint cannot tell, and says what to declare;
/// - when resources of known kinds only read it, a note at each such field, so that nobody
///   takes them for its maker.
extension LintContext {
    /// `finding` about a missing `kind` named `name` in `namespace`, referenced by `referrer`.
    package func withProducerAdvice(_ finding: Finding, missing kind: String, named name: String, namespace: String, referrer: Resource) -> Finding {
        if let producer = self[ProducedObjects.self].likelyProducer(of: kind, named: name, namespace: namespace, referrer: referrer) {
            return finding.probablyMade(by: producer, what: "probably made by", declare: "it")
        }
        var finding = finding
        for reading in self[ProducedObjects.self].readings(of: kind, namespace: namespace, name: name) {
            finding.related.append(Finding.Related(
                location: FileLocation(file: reading.resource.source.file, mark: reading.mark),
                message: "\(reading.resource.kindAndSlashName) reads \(kind) \(name) here (\(reading.field)); it does not make it"
            ))
        }
        return finding
    }

    /// `finding` about a selector in `namespace` that selects no pods.
    package func withProducerAdvice(_ finding: Finding, selector: StringMap, namespace: String) -> Finding {
        guard let producer = self[ProducedObjects.self].likelyProducer(ofPodsSelectedBy: selector, namespace: namespace) else { return finding }
        return finding.probablyMade(by: producer, what: "the pods are probably made by", declare: "them")
    }
}

extension Finding {
    /// This finding as `info`, naming the custom resource that probably accounts for it.
    fileprivate func probablyMade(by producer: Resource, what: String, declare pronoun: String) -> Finding {
        var finding = self
        finding.severity = .info
        finding.message += "; \(what) \(producer.kindAndSlashName): declare \(pronoun) under producers or externalObjects in .kubelint.yaml"
        finding.related.append(producer.related("\(producer.kindAndSlashName) is defined here"))
        return finding
    }
}

extension Resource {
    /// `Kind/name`, as the producer messages name a custom resource.
    var kindAndSlashName: String { "\(kind?.value ?? "object")/\(name ?? "")" }
}
