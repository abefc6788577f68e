import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct YAMLSyntaxRule: InputDiagnosticRule {
    package init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.syntax]

    package static let description = RuleDescription(
        id: "yaml-syntax",
        severity: .error,
        category: .input,
        summary: "The file is not valid YAML",
        rationale: """
            libyaml could not read the file past this point, and kubectl would refuse the whole \
            file. Documents before the error are still checked; the rest of the file is not.
            """,
        remediation: "Fix the YAML at the reported position; the message is libyaml's own.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                   labels↓: {}
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                data:
                  url: ↓*undefined
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                data: {key: [1, 2↓}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                """),
        ]
    )

    /// Every syntax error, except those `yaml-tab-indentation` reports with their cause (both are
    /// input rules, so the run exits 2 either way and each problem is reported once).
    package func check(_ context: LintContext) -> [Finding] {
        context.tree.diagnostics.compactMap { diagnostic in
            guard Self.diagnosticKinds.contains(diagnostic.kind),
                  TabIndentation.explainingTab(diagnostic, in: context.tree) == nil else { return nil }
            let mark = Self.withinText(diagnostic.mark ?? .start, of: context.tree.file(diagnostic.file))
            return finding(diagnostic.message, file: diagnostic.file, at: mark)
        }
    }

    /// libyaml reports what the end of the stream leaves open (a quote, a bracket) on the line
    /// after the last, which has nothing to show; such a position is moved to just after the
    /// last character of the file's text (trailing line breaks aside), where the text stops.
    static func withinText(_ mark: Mark, of file: SourceFile?) -> Mark {
        guard let file else { return mark }
        let bytes = file.bytes
        let isBreak = { (byte: UInt8) in byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
        var end = bytes.endIndex
        while end > bytes.startIndex, isBreak(bytes[end - 1]) { end -= 1 }
        var line = 1
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = lineStart
        while index < end {
            if isBreak(bytes[index]) {
                // CRLF is one line break, as libyaml counts lines.
                if bytes[index] == UInt8(ascii: "\r"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let column = String(decoding: bytes[min(lineStart, end)..<end], as: UTF8.self).unicodeScalars.count + 1
        guard (mark.line, mark.column) > (line, column) else { return mark }
        return Mark(offset: mark.offset, line: line, column: column)
    }
}
