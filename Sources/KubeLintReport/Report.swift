import KubeLintModel
import KubeLintRules

/// What every reporter renders: the findings of one run and the context to present them.
public struct Report: Sendable {
    public var result: LintResult
    /// The loaded files by path, for code frames; may be empty.
    public var sources: [String: SourceFile]
    public var toolVersion: String

    public init(result: LintResult, sources: [String: SourceFile] = [:], toolVersion: String) {
        self.result = result
        self.sources = sources
        self.toolVersion = toolVersion
    }

    public var findings: [Finding] { result.findings }
}

/// Turns a report into the text of one output format.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
}
