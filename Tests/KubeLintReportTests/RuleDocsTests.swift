import Foundation
import Testing
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

@Suite("Rule documentation")
struct RuleDocsTests {
    @Test("docs/rules.md is what the rule descriptions generate")
    func rulesMarkdownIsFresh() throws {
        let path = repositoryRoot + "/docs/rules.md"
        let committed = try? String(contentsOfFile: path, encoding: .utf8)
        let generated = RuleReferenceMarkdown.render(LintCatalog.builtIn.descriptions, fixes: LintCatalog.builtIn.fixDescriptions())
        #expect(committed == generated, "docs/rules.md is stale; regenerate it with `\(RuleReferenceMarkdown.regenerateCommand)` and commit it")
    }

    @Test("the rule table lists every rule once", arguments: LintCatalog.builtIn.descriptions.map(\.id))
    func tableListsRule(_ id: String) throws {
        let rule = try #require(LintCatalog.builtIn.description(of: id))
        let rows = RuleTable.render(LintCatalog.builtIn.descriptions).split(separator: "\n").filter { $0.hasPrefix(id + " ") }
        #expect(rows.count == 1)
        #expect(rows.first?.hasSuffix(" " + rule.summary) == true)
        #expect(rows.first?.contains(" \(rule.severity.rawValue) ") == true)
    }

    @Test("explain strips every ↓ marker and puts a caret under its column", arguments: LintCatalog.builtIn.descriptions.map(\.id))
    func explainMarksExamples(_ id: String) throws {
        let rule = try #require(LintCatalog.builtIn.description(of: id))
        let text = RuleExplanation.render(rule, fix: LintCatalog.builtIn.fixDescriptions()[rule.id])
        #expect(!text.contains(Example.marker))
        #expect(text.contains(rule.rationale.split(separator: " ").prefix(4).joined(separator: " ")))
        for example in rule.triggeringExamples {
            let lines = ExampleText(example.yaml).lines
            let carets = lines.filter { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "^" } }
                .map { $0.filter { $0 == "^" }.count }.reduce(0, +)
            let markers = example.yaml.filter { $0 == Example.marker }.count
            #expect(carets == markers, "\(id): \(lines)")
        }
    }

    /// The `---` between two examples stands at the file headings' indentation, not under the
    /// last file of the first example, where it would read as part of that file.
    @Test func examplesAreSeparatedOutsideTheirFiles() {
        let rule = RuleDescription(
            id: "some-rule", severity: .error, category: .references, summary: "Something", rationale: "Why.", remediation: "Fix.",
            nonTriggeringExamples: [
                Example("kind: Pod\n", otherFiles: ["b.yaml": "kind: Service\n"], configuration: "defaultNamespace: web\n"),
                Example("kind: Job\n"),
                Example("kind: Secret\n"),
            ]
        )
        #expect(RuleExplanation.render(rule).components(separatedBy: "Not reported:\n").last == """
              example.yaml:
                kind: Pod
              b.yaml:
                kind: Service
              .kubelint.yaml:
                defaultNamespace: web
              ---
                kind: Job
              ---
                kind: Secret

            """)
    }

    @Test func caretsLandUnderTheMarkedCharacter() {
        let lines = ExampleText("data:\n  key: ↓yes ↓no\n").lines
        #expect(lines == ["data:", "  key: yes no", "       ^   ^"])
    }
}
