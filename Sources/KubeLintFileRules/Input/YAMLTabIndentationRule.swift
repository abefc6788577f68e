import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct YAMLTabIndentationRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "yaml-tab-indentation",
        severity: .error,
        category: .input,
        summary: "A tab where libyaml refuses one: in indentation, at the start of a comment or blank line, after `-`",
        rationale: """
            YAML forbids tabs in indentation. An editor that inserts a tab, or a paste from a \
            Makefile, makes the file unreadable from that line on, and libyaml says only "found \
            character that cannot start any token". This rule names the cause; the file is not \
            checked past that point, so the run exits 2. libyaml, and the go-yaml under kubectl \
            that is ported from it, also refuse a tab that YAML itself reads as separation: \
            before a comment at the start of a line, on an otherwise blank line, after a `-`; \
            kubelint follows them, and says which case it is. (Tabs inside block scalars, such \
            as a Makefile in a ConfigMap, are content and fine, and so is `key:<tab>value`.)
            """,
        remediation: "Replace the tab with spaces (configure the editor to indent YAML with spaces).",
        triggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n↓\tname: settings\n"),
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n  ↓\tapp: web\n"),
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n↓\t# the settings of the web tier\ndata: {}\n"),
            Example("apiVersion: v1\nkind: List\nitems:\n-↓\tapiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings}\n"),
        ],
        nonTriggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: build\ndata:\n  Makefile: |\n    all:\n    \techo done\n  key:\t\"value\"\n"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context.tree.diagnostics.compactMap { diagnostic in
            guard let tab = TabIndentation.explainingTab(diagnostic, in: context.tree) else { return nil }
            return finding("\(tab.explanation) (libyaml: \(diagnostic.message))", file: diagnostic.file, at: tab.mark)
        }
    }
}

/// Tells whether a syntax error is caused by a tab, and in which role. libyaml (and the parsers
/// ported from it, such as the go-yaml under kubectl) refuses a tab in places where the YAML
/// specification reads it as separation: before a comment, on a blank line, after a `-`. The
/// verdict follows libyaml, since that is what the cluster's tools do; the words say which case
/// it is, so they stay true.
enum TabIndentation {
    struct Explanation {
        var mark: Mark
        var explanation: String
    }

    private static let refused = "but libyaml, and kubectl's YAML parser ported from it, reject it"

    /// The tab behind the error on the line where libyaml stopped, with what it is there; nil
    /// when the error has another cause.
    static func explainingTab(_ diagnostic: LoadDiagnostic, in tree: LoadedTree) -> Explanation? {
        guard diagnostic.kind == .syntax, let mark = diagnostic.mark,
              let line = tree.file(diagnostic.file)?.line(mark.line) else { return nil }
        let number = mark.line
        var column = 1
        var firstTab: Int?
        for character in line {
            if character == "\t" {
                if firstTab == nil { firstTab = column }
            } else if character != " " {
                break
            }
            column += 1
        }
        if let firstTab {
            let rest = line.drop { $0 == " " || $0 == "\t" }
            let at = Mark(line: number, column: firstTab)
            if rest.isEmpty {
                return Explanation(mark: at, explanation: "line \(number) is blank but for a tab: YAML allows that, \(refused); remove the tab")
            }
            if rest.first == "#" {
                return Explanation(mark: at, explanation: """
                    line \(number) has a tab before its comment: YAML allows a tab there, \(refused); \
                    replace the tab with spaces
                    """)
            }
            return Explanation(mark: at, explanation: "line \(number) is indented with a tab; YAML allows only spaces in indentation")
        }
        // A tab right after an indicator (`-\tvalue`): separation to YAML, an error to libyaml.
        let characters = Array(line)
        let index = mark.column - 1
        guard index >= 1, index < characters.count, characters[index] == "\t" else { return nil }
        let indicator = characters[index - 1]
        guard ["-", "?", ":"].contains(indicator) else { return nil }
        return Explanation(mark: mark, explanation: """
            line \(number) has a tab after `\(indicator)`: YAML allows a tab as separation there, \(refused); use a space
            """)
    }
}

// MARK: - Fix

extension YAMLTabIndentationRule: FixableRule {
    package static let fix = FixDescription(
        summary: """
            Replaces the tabs libyaml refuses with spaces (a tab in indentation by the file's \
            indentation step), when a tab of 2, 4 or 8 columns would make the file read the same; \
            tabs inside block scalars are content and stay
            """,
        examples: [
            FixExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n  \tapp: web\n\t# the web tier\ndata:\n  Makefile: |\n    all:\n    \techo done\n",
                after: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\n  # the web tier\ndata:\n  Makefile: |\n    all:\n    \techo done\n"
            ),
            FixExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  Makefile: |\n    all:\n\tdone: true\n",
                notFixed: "how wide a tab is (2, 4 or 8 columns) decides what the file means; indent those lines with spaces by hand"
            ),
        ]
    )

    package func fix(_ site: FixSite) -> FixProposal? {
        let bytes = site.tree.bytes
        switch TabRepair.repair(bytes) {
        case .repaired(let edits):
            let lines = edits.map { String(YAMLParser.position(ofByte: $0.range.lowerBound, in: bytes).line) }
            return .fileEdits(edits, summary: "replaced the tabs on line\(lines.count == 1 ? "" : "s") \(lines.joined(separator: ", ")) with spaces")
        case .refused(let reason):
            return .notFixed(reason)
        case .notApplicable:
            return nil
        }
    }
}
