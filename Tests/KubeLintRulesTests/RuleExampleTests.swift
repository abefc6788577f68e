import Foundation
import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// An example with its `↓` markers removed and their positions recorded.
struct MarkedExample {
    var text: String
    var markers: [FileLocation]

    init(_ example: Example, file: String) {
        self.init(example.yaml, file: file)
    }

    init(_ source: String, file: String) {
        var text = ""
        var markers: [FileLocation] = []
        var line = 1
        var column = 1
        for scalar in source.unicodeScalars {
            if Character(scalar) == Example.marker {
                markers.append(FileLocation(file: file, line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }
}

/// What running an example gave: its findings, where its `↓` markers expect them, and the
/// problems its configuration or contract had (an example's own text must parse, unless the
/// rule under test reports exactly those problems).
struct ExampleRun {
    var findings: [Finding]
    var markers: [FileLocation]
    var setupProblems: [ConfigurationProblem]
}

/// How an example's files are written out: as authored, or as a variant that must give the same
/// findings (line ends, a byte order mark).
enum ExampleVariant: String, CaseIterable, Sendable {
    case asWritten
    case crlf
    case byteOrderMark

    func transform(_ text: String) -> String {
        switch self {
        case .asWritten: text
        case .crlf: text.replacingOccurrences(of: "\n", with: "\r\n")
        case .byteOrderMark: "\u{FEFF}" + text
        }
    }
}

func runExample(
    _ example: Example, rule: any Rule.Type, variant: ExampleVariant = .asWritten, alsoRunning others: [any Rule.Type] = []
) -> ExampleRun {
    let file = "example.yaml"
    let marked = MarkedExample(example, file: file)
    var markers = marked.markers
    var inputs: [Loader.Input] = [.bytes(name: file, Array(variant.transform(marked.text).utf8))]
    for (name, content) in example.otherFiles.sorted(by: { $0.key < $1.key }) {
        // Other files may carry markers too: a finding there must be expected like any other.
        let markedOther = MarkedExample(content, file: name)
        markers += markedOther.markers
        inputs.append(.bytes(name: name, Array(variant.transform(markedOther.text).utf8)))
    }
    var configuration = LintConfiguration()
    var setupProblems: [ConfigurationProblem] = []
    if let text = example.configuration {
        let markedConfiguration = MarkedExample(text, file: ".kubelint.yaml")
        markers += markedConfiguration.markers
        configuration = ConfigurationParser.parse(markedConfiguration.text, file: ".kubelint.yaml").configuration
        setupProblems += configuration.problems
    }
    if let text = example.contract {
        let markedContract = MarkedExample(text, file: "contract.yaml")
        markers += markedContract.markers
        let parsed = ContractParser.parse(markedContract.text, file: "contract.yaml")
        configuration.problems += parsed.problems
        setupProblems += parsed.problems
        if let contract = parsed.contract {
            configuration[ConfiguredContracts.self].contracts.append(ScopedContract(contract))
        }
    }
    let tree = Loader.load(inputs)
    if let version = example.kubernetesVersion { configuration.kubernetesVersion = version }
    // The rule under test runs whatever profile it belongs to.
    configuration.enabledRules.insert(rule.description.id)
    // Suppression rules judge what the other rules found, so their examples run them all.
    let isSuppressionRule = rule.init() is any SuppressionRule
    let catalog = isSuppressionRule ? LintCatalog.builtIn : LintCatalog.builtIn.keeping([rule] + others)
    let linter = Linter(catalog: catalog, configuration: configuration)
    let findings = linter.lint(tree).findings
    return ExampleRun(
        findings: isSuppressionRule ? findings.filter { $0.ruleID == rule.description.id } : findings,
        markers: markers, setupProblems: setupProblems
    )
}

/// Rules whose examples are about a broken configuration or contract: their examples' problems
/// are the findings under test.
let rulesReportingSetupProblems: Set<String> = ["config-invalid", "contract-invalid"]

/// `file:line:column severity message`, with its notes indented below, and its remediation when
/// it is not the rule's own: how a finding reads in the example golden file.
func goldenLines(_ finding: Finding, rule: RuleDescription) -> [String] {
    var lines = ["  \(finding.location) \(finding.severity.rawValue) \(finding.message)"]
    for related in finding.related { lines.append("    note \(related.location) \(related.message)") }
    if let remediation = finding.remediation, remediation != rule.remediation { lines.append("    fix \(remediation)") }
    return lines
}

@Suite("Every rule's examples")
struct RuleExampleTests {
    static let ruleIDs = LintCatalog.builtIn.ruleTypes.map { $0.description.id }

    private func rule(_ id: String) throws -> any Rule.Type {
        try #require(LintCatalog.builtIn.ruleTypes.first { $0.description.id == id })
    }

    @Test("triggering examples report exactly at their ↓ markers, in every file", arguments: ruleIDs)
    func triggeringExamples(_ id: String) throws {
        let rule = try rule(id)
        #expect(!rule.description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for (index, example) in rule.description.triggeringExamples.enumerated() {
            let run = runExample(example, rule: rule)
            #expect(!run.markers.isEmpty, "triggering example \(index) of \(id) has no ↓ marker")
            #expect(
                run.findings.map(\.location).sorted() == run.markers.sorted(),
                "triggering example \(index) of \(id): findings \(run.findings.map { "\($0.location): \($0.message)" })"
            )
            if !rulesReportingSetupProblems.contains(id) {
                #expect(run.setupProblems.isEmpty, "triggering example \(index) of \(id): \(run.setupProblems.map(\.message))")
            }
        }
    }

    @Test("non-triggering examples report nothing", arguments: ruleIDs)
    func nonTriggeringExamples(_ id: String) throws {
        let rule = try rule(id)
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for (index, example) in rule.description.nonTriggeringExamples.enumerated() {
            let run = runExample(example, rule: rule)
            #expect(run.markers.isEmpty, "non-triggering example \(index) of \(id) has a ↓ marker")
            #expect(run.findings.isEmpty, "non-triggering example \(index) of \(id): \(run.findings.map { "\($0.location): \($0.message)" })")
            #expect(run.setupProblems.isEmpty, "non-triggering example \(index) of \(id): \(run.setupProblems.map(\.message))")
        }
    }

    /// Every example again with CRLF line ends and with a byte order mark: the same findings,
    /// at the same places, with the same words.
    @Test("examples read the same with CRLF line ends and with a byte order mark", arguments: ruleIDs)
    func variantsReportTheSame(_ id: String) throws {
        let rule = try rule(id)
        let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
        for (index, example) in examples.enumerated() {
            let written = runExample(example, rule: rule).findings.map { "\($0.location) \($0.message)" }
            for variant in ExampleVariant.allCases where variant != .asWritten {
                let varied = runExample(example, rule: rule, variant: variant).findings.map { "\($0.location) \($0.message)" }
                #expect(varied == written, "example \(index) of \(id) as \(variant.rawValue)")
            }
        }
    }

    /// Every triggering example with `# kubelint:ignore <rule> <reason>` after each marked line
    /// of the manifest: the rule's findings there are accepted, and no suppression is unused or
    /// invalid. Input rules and the suppression rules themselves cannot be suppressed.
    @Test("a kubelint:ignore comment at each marked line silences the rule there", arguments: ruleIDs)
    func ignoreCommentsSilenceTheExample(_ id: String) throws {
        let rule = try rule(id)
        guard ![RuleCategory.input, .suppressions].contains(rule.description.category) else { return }
        for (index, example) in rule.description.triggeringExamples.enumerated() {
            let markedLines = Set(MarkedExample(example, file: "example.yaml").markers.map(\.line))
            guard !markedLines.isEmpty else { continue }
            var ignored = example
            ignored.yaml = example.yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
                markedLines.contains(offset + 1) ? line + " # kubelint:ignore \(id) example variant" : String(line)
            }.joined(separator: "\n")
            let run = runExample(ignored, rule: rule, alsoRunning: [UnusedSuppressionRule.self, SuppressionInvalidRule.self])
            let left = run.findings.filter { $0.location.file == "example.yaml" || $0.ruleID != id }
            #expect(left.isEmpty, "triggering example \(index) of \(id) with ignore comments: \(left.map { "\($0.ruleID) \($0.location): \($0.message)" })")
        }
    }

    /// Every single-document example again as the only item of a `kind: List`: the same findings,
    /// three lines down and two columns right (their words may name the item, `items[0].spec`).
    @Test("examples read the same wrapped in a kind: List", arguments: ruleIDs)
    func listWrappedExamplesReportTheSame(_ id: String) throws {
        let rule = try rule(id)
        guard rule.description.category != .input, !ExampleVariant.listExempt.contains(id) else { return }
        let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
        for (index, example) in examples.enumerated() {
            let lines = example.yaml.split(separator: "\n", omittingEmptySubsequences: false)
            guard !lines.contains(where: { $0.hasPrefix("---") || $0.hasPrefix("#") }), example.yaml.contains("kind:") else { continue }
            var wrapped = example
            wrapped.yaml = "apiVersion: v1\nkind: List\nitems:\n" + lines.enumerated().map { offset, line in
                line.isEmpty ? "" : (offset == 0 ? "- " : "  ") + line
            }.joined(separator: "\n")
            let expected = runExample(example, rule: rule).findings.map { finding in
                var location = finding.location
                if location.file == "example.yaml" {
                    location.line += 3
                    location.column += 2
                }
                return "\(location) \(finding.ruleID)"
            }
            let actual = runExample(wrapped, rule: rule).findings.map { "\($0.location) \($0.ruleID)" }
            #expect(actual == expected, "example \(index) of \(id) in a List")
        }
    }

    /// Every triggering example's findings, with message, notes and remediation, as
    /// Golden/rule-examples.txt lists them: a changed message or a lost finding fails here.
    /// Set KUBELINT_UPDATE_GOLDEN=1 to rewrite the file after an intended change, then review
    /// the diff.
    @Test("every example's findings read as Golden/rule-examples.txt lists them")
    func examplesMatchTheGoldenFile() throws {
        var lines: [String] = []
        for rule in LintCatalog.builtIn.ruleTypes {
            let description = rule.description
            lines.append("\(description.id)")
            for (index, example) in description.triggeringExamples.enumerated() {
                lines.append(" example \(index + 1)")
                for finding in runExample(example, rule: rule).findings { lines += goldenLines(finding, rule: description) }
            }
        }
        let actual = lines.joined(separator: "\n") + "\n"
        let path = rulesTestsDirectory + "/Golden/rule-examples.txt"
        if ProcessInfo.processInfo.environment["KUBELINT_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            actual == expected,
            """
            rule example findings differ from Golden/rule-examples.txt\
            \(firstDifference.map { " at line \($0.offset + 1): got '\($0.element.0)', expected '\($0.element.1)'" } ?? "")
            (regenerate with KUBELINT_UPDATE_GOLDEN=1 swift test --filter RuleExampleTests, then review the diff)
            """
        )
    }

    @Test("descriptions are complete and ids unique")
    func descriptionsAreComplete() {
        let descriptions = LintCatalog.builtIn.descriptions
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
        for description in descriptions {
            #expect(description.id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(description.id)")
            #expect(!description.summary.isEmpty && !description.summary.hasSuffix("."), "\(description.id) summary")
            #expect(!description.rationale.isEmpty, "\(description.id) rationale")
            #expect(!description.remediation.isEmpty, "\(description.id) remediation")
        }
    }
}

/// This test file's directory.
let rulesTestsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

extension ExampleVariant {
    /// Rules whose examples mean something else inside a List: a file that is a `kind: List` is
    /// a manifest, whatever tool's configuration its item holds.
    static let listExempt: Set<String> = ["not-a-manifest"]

}
