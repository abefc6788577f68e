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

/// The files an example's findings may point at: the manifest, its configuration and its contract.
let exampleFiles: Set<String> = ["example.yaml", ".kubelint.yaml", "contract.yaml"]

func runExample(_ example: Example, rule: any Rule.Type) -> (findings: [Finding], markers: [FileLocation]) {
    let file = "example.yaml"
    let marked = MarkedExample(example, file: file)
    var markers = marked.markers
    var inputs: [Loader.Input] = [.bytes(name: file, Array(marked.text.utf8))]
    for (name, content) in example.otherFiles.sorted(by: { $0.key < $1.key }) {
        inputs.append(.bytes(name: name, Array(content.utf8)))
    }
    var configuration = LintConfiguration()
    if let text = example.configuration {
        let markedConfiguration = MarkedExample(text, file: ".kubelint.yaml")
        markers += markedConfiguration.markers
        configuration = ConfigurationParser.parse(markedConfiguration.text, file: ".kubelint.yaml").configuration
    }
    if let text = example.contract {
        let markedContract = MarkedExample(text, file: "contract.yaml")
        markers += markedContract.markers
        let parsed = ContractParser.parse(markedContract.text, file: "contract.yaml")
        configuration.problems += parsed.problems
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
    let catalog = isSuppressionRule ? LintCatalog.builtIn : LintCatalog.builtIn.keeping([rule])
    let linter = Linter(catalog: catalog, configuration: configuration)
    let findings = linter.lint(tree).findings
    return (isSuppressionRule ? findings.filter { $0.ruleID == rule.description.id } : findings, markers)
}

@Suite("Every rule's examples")
struct RuleExampleTests {
    static let ruleIDs = LintCatalog.builtIn.ruleTypes.map { $0.description.id }

    private func rule(_ id: String) throws -> any Rule.Type {
        try #require(LintCatalog.builtIn.ruleTypes.first { $0.description.id == id })
    }

    @Test("triggering examples report exactly at their ↓ markers", arguments: ruleIDs)
    func triggeringExamples(_ id: String) throws {
        let rule = try rule(id)
        #expect(!rule.description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for (index, example) in rule.description.triggeringExamples.enumerated() {
            let (findings, markers) = runExample(example, rule: rule)
            #expect(!markers.isEmpty, "triggering example \(index) of \(id) has no ↓ marker")
            let located = findings.filter { exampleFiles.contains($0.location.file) }.map(\.location)
            #expect(located.sorted() == markers.sorted(), "triggering example \(index) of \(id): findings \(findings.map { "\($0.location): \($0.message)" })")
            #expect(findings.allSatisfy { $0.ruleID == id })
        }
    }

    @Test("non-triggering examples report nothing", arguments: ruleIDs)
    func nonTriggeringExamples(_ id: String) throws {
        let rule = try rule(id)
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for (index, example) in rule.description.nonTriggeringExamples.enumerated() {
            let (findings, markers) = runExample(example, rule: rule)
            #expect(markers.isEmpty, "non-triggering example \(index) of \(id) has a ↓ marker")
            #expect(findings.isEmpty, "non-triggering example \(index) of \(id): \(findings.map { "\($0.location): \($0.message)" })")
        }
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
