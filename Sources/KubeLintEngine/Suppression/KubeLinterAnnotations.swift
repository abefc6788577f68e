import KubeLintModel
import KubeLintYAML

/// kube-linter's suppression annotations, honoured so that a team can move from kube-linter to
/// kubelint without editing its manifests:
///
/// - `ignore-check.kube-linter.io/<check>: "<reason>"` accepts the findings of every kubelint
///   rule that lists `kube-linter:<check>` among its equivalents;
/// - `kube-linter.io/ignore-all: "<reason>"` accepts those of every rule with a kube-linter
///   equivalent (rules kube-linter has no check for, such as contracts and the Pod Security
///   prediction, still apply).
///
/// kube-linter does not require a reason, so an annotation without one is applied, and shown as
/// giving none. A check kubelint has no rule for is left to kube-linter, and these suppressions
/// are not reported when they accept nothing: kube-linter may still run over the same files.
enum KubeLinterAnnotations {
    static let checkPrefix = "ignore-check.kube-linter.io/"
    static let ignoreAll = "kube-linter.io/ignore-all"
    /// The reason recorded for an annotation that gives none.
    static let noReason = "(no reason given in the kube-linter annotation)"

    /// The rules of a catalog that kube-linter's annotations name.
    struct Rules: Sendable {
        /// kubelint rule ids by kube-linter check name (`no-liveness-probe`).
        var byCheck: [String: [String]] = [:]
        /// Every rule with a kube-linter equivalent, in catalog order.
        var all: [String] = []

        init(_ descriptions: [RuleDescription]) {
            for description in descriptions {
                let checks = description.equivalents.filter { $0.hasPrefix(PeerChecks.kubeLinterPrefix) }
                if !checks.isEmpty { all.append(description.id) }
                for check in checks {
                    byCheck[String(check.dropFirst(PeerChecks.kubeLinterPrefix.count)), default: []].append(description.id)
                }
            }
        }
    }

    static func isKubeLinterKey(_ key: String) -> Bool {
        key.hasPrefix(checkPrefix) || key == ignoreAll
    }

    /// The suppressions one kube-linter annotation stands for.
    static func suppressions(key: String, value: Node, keyLocation: FileLocation, resource: ResourceIdentity, rules known: Rules) -> [Suppression] {
        let rules = key == ignoreAll ? known.all : known.byCheck[String(key.dropFirst(checkPrefix.count))] ?? []
        let written = value.isNull ? "" : (value.scalar?.text ?? "")
        let reason = written.allSatisfy(\.isWhitespace) ? noReason : written
        return rules.map { ruleID in
            Suppression(origin: .annotation, ruleID: ruleID, reason: reason, location: keyLocation, resource: resource, annotationKey: key)
        }
    }
}
