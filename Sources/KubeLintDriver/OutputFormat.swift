import KubeLintReport

package enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case junit
    case sarif
    case github

    /// The reporter of this format; `text` decides colours and quietness, which only the
    /// text format has.
    package func reporter(text: TextReporter = TextReporter()) -> any Reporter {
        switch self {
        case .text: text
        case .json: JSONReporter()
        case .junit: JUnitReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        }
    }

    package var reporter: any Reporter { reporter() }
}

/// `--report FORMAT=PATH`: a report written to a file besides standard output.
package struct ReportDestination: Sendable, Hashable {
    package var format: OutputFormat
    package var path: String

    package init(format: OutputFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Parses `junit=build/kubelint.xml`; nil when the format is unknown or a side is empty.
    package init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = OutputFormat(rawValue: String(argument[..<equals]).lowercased()) else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.init(format: format, path: path)
    }
}
