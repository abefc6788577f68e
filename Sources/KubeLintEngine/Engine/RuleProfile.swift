/// Which rules a run uses when the configuration does not name them one by one
/// (`profile:` in `.kubelint.yaml`, `--profile`). A profile is a set of rule categories:
///
/// - `default`: what breaks a deployment. Every category but the three below.
/// - `recommended`: also reliability practice (`practice`).
/// - `security`: also pod security, host access and RBAC (`security`).
/// - `all`: every rule, including the `optional` ones that suit some teams only.
///
/// `recommended` and `security` each add to `default`, so a security review is not buried in
/// reliability advice and the reverse. Per-rule settings (`rules: <id>: {enabled, severity}`)
/// win over the profile.
package enum RuleProfile: String, Sendable, CaseIterable, CustomStringConvertible {
    case `default`
    case recommended
    case security
    case all

    package func includes(_ category: RuleCategory) -> Bool {
        switch category {
        case .practice: self == .recommended || self == .all
        case .security: self == .security || self == .all
        case .optional: self == .all
        case .input, .yaml, .files, .schema, .references, .workloads, .contracts, .suppressions, .admission: true
        }
    }

    /// The smallest profile that runs rules of `category`, for the rule reference.
    package static func smallest(including category: RuleCategory) -> RuleProfile {
        allCases.first { $0.includes(category) } ?? .all
    }

    package var description: String { rawValue }
}

extension RuleDescription {
    /// The smallest profile that runs the rule.
    package var profile: RuleProfile { RuleProfile.smallest(including: category) }

    /// Every profile that runs the rule.
    package var profiles: [RuleProfile] { RuleProfile.allCases.filter { $0.includes(category) } }
}
