import KubeLintModel
import KubeLintEngine

/// What every reporter renders: the findings of one run and the context to present them.
package struct Report: Sendable {
    package var result: LintResult
    /// The loaded files by path, for code frames; may be empty.
    package var sources: [String: SourceFile]
    package var toolVersion: String
    /// Findings at or above this severity fail the run (`--fail-on`); JUnit marks exactly those
    /// as failures, so the report and the exit status agree.
    package var failureThreshold: Severity
    /// When and where the run happened, for formats that record it (JUnit).
    package var run: RunInfo
    /// Findings of the run that `--changed-files` or `--staged` left out because they concern
    /// files the change does not touch; the text summary says how many.
    package var findingsLeftOut = 0

    package init(
        result: LintResult, sources: [String: SourceFile] = [:], toolVersion: String,
        failureThreshold: Severity = .error, run: RunInfo = .unknown
    ) {
        self.result = result
        self.sources = sources
        self.toolVersion = toolVersion
        self.failureThreshold = failureThreshold
        self.run = run
    }

    package var findings: [Finding] { result.findings }

    /// Metadata of every rule that may appear in the findings (SARIF's rule list).
    package var rules: [RuleDescription] { result.rules }

    /// True when `finding` fails the run under `failureThreshold`.
    package func fails(_ finding: Finding) -> Bool { finding.severity >= failureThreshold }
}

/// When and where a run happened.
package struct RunInfo: Sendable, Hashable {
    /// UTC start time as `YYYY-MM-DDTHH:MM:SS` (ISO 8601 without zone, as JUnit's schema wants).
    package var startTime: String
    package var hostname: String

    package init(startTime: String, hostname: String) {
        self.startTime = startTime
        self.hostname = hostname
    }

    /// For tests and for when the clock or host name cannot be read.
    package static let unknown = RunInfo(startTime: "1970-01-01T00:00:00", hostname: "localhost")
}

/// Turns a report into the text of one output format.
package protocol Reporter: Sendable {
    func render(_ report: Report) -> String
}
