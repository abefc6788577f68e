import KubeLintModel
import KubeLintYAML

public struct YAMLTabIndentationRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "yaml-tab-indentation",
        severity: .error,
        category: .input,
        summary: "A line is indented with a tab character",
        rationale: """
            YAML forbids tabs in indentation. An editor that inserts a tab, or a paste from a \
            Makefile, makes the file unreadable from that line on, and libyaml says only "found \
            character that cannot start any token". This rule names the cause; the file is not \
            checked past that point, so the run exits 2. (Tabs inside block scalars, such as a \
            Makefile in a ConfigMap, are content and fine.)
            """,
        remediation: "Replace the tab with spaces (configure the editor to indent YAML with spaces).",
        triggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n↓\tname: settings\n"),
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n  ↓\tapp: web\n"),
        ],
        nonTriggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: build\ndata:\n  Makefile: |\n    all:\n    \techo done\n  key:\t\"value\"\n"),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        context.tree.diagnostics.compactMap { diagnostic in
            guard let tab = TabIndentation.explainingTab(diagnostic, in: context.tree) else { return nil }
            return finding(
                "line \(tab.line) is indented with a tab; YAML allows only spaces in indentation (libyaml: \(diagnostic.message))",
                file: diagnostic.file, at: tab
            )
        }
    }
}

/// Tells whether a syntax error is caused by a tab in the indentation of its line.
enum TabIndentation {
    /// The position of the first tab in the indentation of the line where libyaml stopped, or nil
    /// when that line's indentation has no tab (the error has another cause).
    static func explainingTab(_ diagnostic: LoadDiagnostic, in tree: LoadedTree) -> Mark? {
        guard diagnostic.kind == .syntax, let mark = diagnostic.mark,
              let line = tree.file(diagnostic.file)?.line(mark.line) else { return nil }
        var column = 1
        for character in line {
            if character == "\t" { return Mark(line: mark.line, column: column) }
            guard character == " " else { return nil }
            column += 1
        }
        return nil
    }
}
