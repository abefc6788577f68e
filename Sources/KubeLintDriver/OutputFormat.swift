import KubeLintReport

public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        }
    }
}
