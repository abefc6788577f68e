import KubeLintModel
import KubeLintRules

/// What every reporter renders: the findings of one run and the context to present them.
public struct Report: Sendable {
    public var result: LintResult
    /// The loaded files by path, for code frames; may be empty.
    public var sources: [String: SourceFile]
    public var toolVersion: String
    /// Findings at or above this severity fail the run (`--fail-on`); JUnit marks exactly those
    /// as failures, so the report and the exit status agree.
    public var failureThreshold: Severity
    /// When and where the run happened, for formats that record it (JUnit).
    public var run: RunInfo
    /// Findings of the run that `--changed-files` or `--staged` left out because they concern
    /// files the change does not touch; the text summary says how many.
    public var findingsLeftOut = 0

    public init(
        result: LintResult, sources: [String: SourceFile] = [:], toolVersion: String,
        failureThreshold: Severity = .error, run: RunInfo = .unknown
    ) {
        self.result = result
        self.sources = sources
        self.toolVersion = toolVersion
        self.failureThreshold = failureThreshold
        self.run = run
    }

    public var findings: [Finding] { result.findings }

    /// Metadata of every rule that may appear in the findings (SARIF's rule list).
    public var rules: [RuleDescription] { result.rules }

    /// True when `finding` fails the run under `failureThreshold`.
    public func fails(_ finding: Finding) -> Bool { finding.severity >= failureThreshold }
}

/// When and where a run happened.
public struct RunInfo: Sendable, Hashable {
    /// UTC start time as `YYYY-MM-DDTHH:MM:SS` (ISO 8601 without zone, as JUnit's schema wants).
    public var startTime: String
    public var hostname: String

    public init(startTime: String, hostname: String) {
        self.startTime = startTime
        self.hostname = hostname
    }

    /// For tests and for when the clock or host name cannot be read.
    public static let unknown = RunInfo(startTime: "1970-01-01T00:00:00", hostname: "localhost")
}

/// Turns a report into the text of one output format.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
}
