import KubeLintModel

/// The engine stage between the rules and the report: takes out the findings a suppression
/// accepts and notes which suppressions accepted nothing.
///
/// Each finding is looked up once per kind of suppression: annotations by (file, object),
/// comments by (file, line), configuration entries by rule id. Findings of input rules (files
/// that could not be read or parsed) are never suppressed.
struct SuppressionStage {
    private struct ObjectKey: Hashable {
        var file: String
        var resource: ResourceIdentity
    }

    private struct LineKey: Hashable {
        var file: String
        var line: Int
    }

    /// Every suppression of the run; the indexes below point into it.
    private var suppressions: [Suppression] = []
    private var invalid: [InvalidSuppression] = []
    private var byObject: [ObjectKey: [Int]] = [:]
    private var byLine: [LineKey: [Int]] = [:]
    private var entriesByRule: [String: [(entry: IgnoreEntry, index: Int)]] = [:]
    /// Suppressions refused for want of a reason, by where they would apply, as positions in
    /// `invalid`: their severity follows the findings they would have accepted.
    private var reasonlessByObject: [ObjectKey: [Int]] = [:]
    private var reasonlessByLine: [LineKey: [Int]] = [:]

    /// The input rules, whose findings are never suppressed.
    private let inputRuleIDs: Set<String>
    /// The rules a suppression may name.
    private let catalog: LintCatalog

    /// `catalog`: the rules a suppression may name. `parallel`: read annotations and comments on
    /// every core; the stage is the same.
    init(context: LintContext, catalog: LintCatalog, parallel: Bool = false) {
        inputRuleIDs = catalog.inputRuleIDs
        self.catalog = catalog
        let resources = context.tree.resources
        let annotations = ParallelMap.map(resources, pieceSize: Linter.resourcesPerPiece, parallel: parallel) {
            AnnotationSuppressions.read($0, catalog: catalog)
        }
        let files = context.tree.files
        let comments = ParallelMap.map(files, pieceSize: Linter.resourcesPerPiece, parallel: parallel) {
            CommentSuppressions.read($0, catalog: catalog)
        }
        for (resource, found) in zip(resources, annotations) {
            invalid += found.invalid
            for suppression in found.suppressions {
                byObject[ObjectKey(file: resource.source.file, resource: resource.identity), default: []].append(suppressions.count)
                suppressions.append(suppression)
            }
        }
        for (file, found) in zip(files, comments) {
            invalid += found.invalid
            for placed in found.suppressions {
                byLine[LineKey(file: file.path, line: placed.targetLine), default: []].append(suppressions.count)
                suppressions.append(placed.suppression)
            }
        }
        for (index, entry) in invalid.enumerated() {
            guard let reasonless = entry.reasonless else { continue }
            if let line = reasonless.line {
                reasonlessByLine[LineKey(file: entry.location.file, line: line), default: []].append(index)
            } else if let resource = entry.resource {
                reasonlessByObject[ObjectKey(file: entry.location.file, resource: resource), default: []].append(index)
            }
        }
        for entry in context.configuration.ignores {
            entriesByRule[entry.rule, default: []].append((entry, suppressions.count))
            suppressions.append(Suppression(origin: .configuration, ruleID: entry.rule, reason: entry.reason, location: entry.location))
        }
    }

    /// Raises the accepted severity of each reasonless suppression that `finding` is one of the
    /// findings of: of its rule, about the annotated object or at the comment's lines, as an
    /// applied suppression would accept it.
    private func noteReasonless(of finding: Finding, in invalid: inout [InvalidSuppression], configuration: LintConfiguration) {
        var matches: [Int] = []
        if let resource = finding.resource {
            matches += reasonlessByObject[ObjectKey(file: finding.location.file, resource: resource)] ?? []
        }
        for line in Self.commentableLines(of: finding) {
            matches += reasonlessByLine[LineKey(file: finding.location.file, line: line)] ?? []
        }
        guard !matches.isEmpty else { return }
        let severity = configuration.reportedSeverity(of: finding, ruleSeverity: catalog.description(of: finding.ruleID)?.severity)
        for index in matches where invalid[index].reasonless?.ruleIDs.contains(finding.ruleID) == true {
            invalid[index].acceptedSeverity = max(invalid[index].acceptedSeverity ?? severity, severity)
        }
    }

    /// The lines of `finding`'s file that a `# kubelint:ignore` comment may name it at: its own,
    /// then those of its notes in the same file, each once.
    static func commentableLines(of finding: Finding) -> [Int] {
        var lines = [finding.location.line]
        for related in finding.related where related.location.file == finding.location.file && !lines.contains(related.location.line) {
            lines.append(related.location.line)
        }
        return lines
    }

    /// `activeRuleIDs`: the rules that ran. A suppression of a rule that did not run cannot be
    /// judged unused (the rule is switched off, or the run is a partial one).
    func apply(to findings: [Finding], configuration: LintConfiguration, activeRuleIDs: Set<String>) -> SuppressionOutcome {
        var outcome = SuppressionOutcome(invalid: invalid)
        var used = Array(repeating: false, count: suppressions.count)
        var relativePaths: [String: String?] = [:]
        let hasReasonless = !reasonlessByObject.isEmpty || !reasonlessByLine.isEmpty
        for finding in findings {
            if inputRuleIDs.contains(finding.ruleID) {
                outcome.kept.append(finding)
                continue
            }
            if hasReasonless { noteReasonless(of: finding, in: &outcome.invalid, configuration: configuration) }
            var matches: [Int] = []
            if let resource = finding.resource {
                for index in byObject[ObjectKey(file: finding.location.file, resource: resource)] ?? [] where suppressions[index].ruleID == finding.ruleID {
                    matches.append(index)
                }
            }
            // A comment applies on the finding's line, and on the lines of its notes in the same
            // file: one finding may stand for several places (a pod's references to one missing
            // ConfigMap), and a comment at any of them accepts it.
            for line in Self.commentableLines(of: finding) {
                for index in byLine[LineKey(file: finding.location.file, line: line)] ?? [] where suppressions[index].ruleID == finding.ruleID {
                    matches.append(index)
                }
            }
            let entries = (entriesByRule[finding.ruleID] ?? []) + (entriesByRule[IgnoreEntry.everyRule] ?? [])
            if !entries.isEmpty {
                let file = finding.location.file
                if relativePaths[file] == nil { relativePaths[file] = .some(configuration.relativePath(file)) }
                let relative = relativePaths[file] ?? nil
                for (entry, index) in entries where entry.matches(finding, relativePath: relative, defaultNamespace: configuration.defaultNamespace) {
                    matches.append(index)
                }
            }
            guard let first = matches.min() else {
                outcome.kept.append(finding)
                continue
            }
            for index in matches { used[index] = true }
            outcome.suppressed.append(SuppressedFinding(finding: finding, suppression: suppressions[first]))
        }
        for (index, suppression) in suppressions.enumerated() where !used[index] && !suppression.isKubeLinterAnnotation {
            if suppression.ruleID == IgnoreEntry.everyRule || activeRuleIDs.contains(suppression.ruleID) {
                outcome.unused.append(suppression)
            }
        }
        return outcome
    }
}
