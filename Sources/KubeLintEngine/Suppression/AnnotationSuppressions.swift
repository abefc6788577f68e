import KubeLintModel
import KubeLintYAML

/// Suppressions written as annotations on an object:
/// `kubelint.dev/ignore.<rule-id>: "<reason>"`. They accept the rule's findings about that
/// object. Every other key under `kubelint.dev/` is reported, so a misspelt one is noticed.
/// kube-linter's annotations are read too (`KubeLinterAnnotations`).
enum AnnotationSuppressions {
    static let prefix = "kubelint.dev/"
    static let ignorePrefix = "kubelint.dev/ignore."

    static func read(_ resource: Resource, catalog: LintCatalog) -> (suppressions: [Suppression], invalid: [InvalidSuppression]) {
        // Read from the node rather than the decoded map: a value that is not a string (or is
        // missing) is dropped by decoding, but here it is a suppression without a reason.
        guard let pairs = resource.root["metadata"]?["annotations"]?.pairs else { return ([], []) }
        var suppressions: [Suppression] = []
        var invalid: [InvalidSuppression] = []
        let file = resource.source.file
        let identity = resource.identity
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { continue }
            if KubeLinterAnnotations.isKubeLinterKey(key) {
                suppressions += KubeLinterAnnotations.suppressions(
                    key: key, value: pair.value, keyLocation: FileLocation(file: file, mark: pair.key.start), resource: identity,
                    rules: catalog.kubeLinterRules
                )
                continue
            }
            guard key.hasPrefix(prefix) else { continue }
            let keyLocation = FileLocation(file: file, mark: pair.key.start)
            guard key.hasPrefix(ignorePrefix) else {
                let message = key == prefix + "ignore"
                    ? "annotation \(key) names no rule; write \(ignorePrefix)<rule-id>: \"<reason>\""
                    : "unknown kubelint annotation \(key); suppressions are written \(ignorePrefix)<rule-id>: \"<reason>\""
                invalid.append(InvalidSuppression(location: keyLocation, message: message, resource: identity))
                continue
            }
            let ruleID = String(key.dropFirst(ignorePrefix.count))
            if ruleID == IgnoreEntry.everyRule || ruleID.isEmpty {
                invalid.append(InvalidSuppression(location: keyLocation, message: "annotation \(key) must name one rule", resource: identity))
                continue
            }
            if let problem = catalog.suppressionProblem(ruleID: ruleID) {
                invalid.append(InvalidSuppression(location: keyLocation, message: "annotation \(key): \(problem)", resource: identity))
                continue
            }
            let reason = pair.value.isNull ? "" : (pair.value.scalar?.text ?? "")
            guard !reason.allSatisfy(\.isWhitespace) else {
                // A missing value has no position of its own: point at the key then.
                invalid.append(InvalidSuppression(
                    location: pair.value.isNull ? keyLocation : FileLocation(file: file, mark: pair.value.start),
                    message: "annotation \(key) gives no reason; its value must say why the finding is accepted (the suppression is not applied)",
                    resource: identity, reasonless: InvalidSuppression.Reasonless(ruleIDs: [ruleID])
                ))
                continue
            }
            suppressions.append(Suppression(origin: .annotation, ruleID: ruleID, reason: reason, location: keyLocation, resource: identity))
        }
        return (suppressions, invalid)
    }
}
