import KubeLintModel

/// A finding someone has accepted, and why: an annotation on the object, a comment on or above
/// the line, or an `ignore` entry of the configuration.
package struct Suppression: Sendable, Hashable {
    package enum Origin: String, Sendable, Hashable {
        /// `kubelint.dev/ignore.<rule-id>: "<reason>"` on the object.
        case annotation
        /// `# kubelint:ignore <rule-id> <reason>` on the line or the line above.
        case comment
        /// An `ignore` entry of `.kubelint.yaml`.
        case configuration
    }

    package var origin: Origin
    /// The rule it accepts findings of; `*` (configuration only) for every rule.
    package var ruleID: String
    package var reason: String
    /// Where it is written.
    package var location: FileLocation
    /// The annotated object (annotations only).
    package var resource: ResourceIdentity?
    /// The annotation's key when it is another tool's (`ignore-check.kube-linter.io/<check>`).
    package var annotationKey: String?

    package init(
        origin: Origin, ruleID: String, reason: String, location: FileLocation, resource: ResourceIdentity? = nil,
        annotationKey: String? = nil
    ) {
        self.origin = origin
        self.ruleID = ruleID
        self.reason = reason
        self.location = location
        self.resource = resource
        self.annotationKey = annotationKey
    }

    /// A kube-linter annotation: not judged unused, since kube-linter may still read it.
    package var isKubeLinterAnnotation: Bool { annotationKey.map(KubeLinterAnnotations.isKubeLinterKey) ?? false }

    /// How messages name it: `annotation kubelint.dev/ignore.secret-missing`,
    /// `comment kubelint:ignore secret-missing`, `configuration ignore entry for secret-missing`.
    package var label: String {
        switch origin {
        case .annotation: "annotation " + (annotationKey ?? "\(AnnotationSuppressions.ignorePrefix)\(ruleID)")
        case .comment: "comment \(CommentSuppressions.ignoreDirective) \(ruleID)"
        case .configuration: "configuration ignore entry for \(ruleID == IgnoreEntry.everyRule ? "every rule" : ruleID)"
        }
    }
}

/// A finding left out of the findings, with the suppression that accepted it.
package struct SuppressedFinding: Sendable, Hashable {
    package var finding: Finding
    package var suppression: Suppression

    package init(finding: Finding, suppression: Suppression) {
        self.finding = finding
        self.suppression = suppression
    }
}

/// A suppression kubelint cannot apply: no reason, an unknown rule, a malformed comment.
package struct InvalidSuppression: Sendable, Hashable {
    /// What a suppression refused only for want of a reason would have accepted: findings of
    /// these rules about the annotated object (`resource`), or at `line` for a comment.
    package struct Reasonless: Sendable, Hashable {
        package var ruleIDs: [String]
        /// The line a comment applies to (0: none, the file ends first); nil for an annotation.
        package var line: Int?

        package init(ruleIDs: [String], line: Int? = nil) {
            self.ruleIDs = ruleIDs
            self.line = line
        }
    }

    package var location: FileLocation
    package var message: String
    package var resource: ResourceIdentity?
    package var reasonless: Reasonless?
    /// For a reasonless suppression, the highest severity among the findings it would have
    /// accepted, as reported (configured severities applied); nil when there is none. Set by
    /// the suppression stage, which finds them as it finds an applied suppression's.
    package var acceptedSeverity: Severity?

    package init(location: FileLocation, message: String, resource: ResourceIdentity? = nil, reasonless: Reasonless? = nil) {
        self.location = location
        self.message = message
        self.resource = resource
        self.reasonless = reasonless
    }
}

/// What the suppression stage made of a run's findings.
package struct SuppressionOutcome: Sendable {
    /// Findings no suppression accepted.
    package var kept: [Finding] = []
    package var suppressed: [SuppressedFinding] = []
    /// Suppressions of rules that ran which accepted nothing.
    package var unused: [Suppression] = []
    package var invalid: [InvalidSuppression] = []

    package init(kept: [Finding] = [], suppressed: [SuppressedFinding] = [], unused: [Suppression] = [], invalid: [InvalidSuppression] = []) {
        self.kept = kept
        self.suppressed = suppressed
        self.unused = unused
        self.invalid = invalid
    }
}

extension SuppressionRule {
    /// A finding of this rule where a suppression is written, about the object that carries it
    /// (annotations) or about none.
    package func finding(_ message: String, at location: FileLocation, resource: ResourceIdentity?) -> Finding {
        Finding(
            ruleID: Self.description.id, severity: Self.description.severity, message: message,
            location: location, resource: resource, remediation: Self.description.remediation
        )
    }
}
