import Testing
import KubeLintModel
import KubeLintYAML
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// Runs `kubelint fix` in memory over `files` (name → text): the rules given, their fixes.
func runFix(
    _ files: [(name: String, text: String)], rules: [any Rule.Type], version: KubernetesVersion? = nil
) -> FixRun {
    var configuration = LintConfiguration()
    if let version { configuration.kubernetesVersion = version }
    let inputs = files.map { Loader.Input.bytes(name: $0.name, Array($0.text.utf8)) }
    let linter = Linter(catalog: LintCatalog.builtIn.keeping(rules), configuration: configuration, parallel: false)
    return FixLoop.run(Loader.load(inputs), linter: linter) { contents in
        Loader.load(files.map { .bytes(name: $0.name, contents[$0.name] ?? Array($0.text.utf8)) })
    }
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite("Every fix's examples")
struct FixExampleTests {
    static let fixableRules = LintCatalog.builtIn.fixableRules()
    static let fixableIDs = fixableRules.keys.sorted()

    @Test func someRulesHaveFixes() {
        #expect(Self.fixableIDs == ["api-version-deprecated", "api-version-removed", "string-expected", "yaml-tab-indentation"])
    }

    @Test("each example fixes to its after text, lints clean, and a second run changes nothing", arguments: fixableIDs)
    func examples(_ id: String) throws {
        let rule = try #require(Self.fixableRules[id])
        let description = type(of: rule).fix
        #expect(description.examples.contains { if case .fixed = $0.expected { true } else { false } }, "\(id) has no fixed example")
        for (index, example) in description.examples.enumerated() {
            let label = "example \(index) of \(id)"
            let run = runFix([("example.yaml", example.before)], rules: [type(of: rule)], version: example.kubernetesVersion)
            switch example.expected {
            case .fixed(let after):
                #expect(!run.applied.isEmpty, "\(label) fixed nothing")
                #expect(run.notFixed.isEmpty, "\(label): \(run.notFixed.map(\.reason))")
                #expect(run.changedFiles.map { text($0.fixed) } == [after], "\(label)")
                #expect(!run.result.findings.contains { $0.ruleID == id }, "\(label) still reports \(run.result.findings.map(\.message))")
                let again = runFix([("example.yaml", after)], rules: [type(of: rule)], version: example.kubernetesVersion)
                #expect(again.changedFiles.isEmpty && again.applied.isEmpty, "\(label) is not idempotent")
            case .notFixed(let note):
                #expect(run.changedFiles.isEmpty, "\(label) changed the file")
                #expect(!run.notFixed.isEmpty && run.notFixed.allSatisfy { $0.reason == note }, "\(label): \(run.notFixed.map(\.reason))")
            }
        }
    }
}
