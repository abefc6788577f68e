import KubeLintModel
import KubeLintYAML

public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A file position as editors and CI logs link it (1-based line and column).
public struct FileLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public init(file: String, mark: Mark) {
        self.init(file: file, line: mark.line, column: mark.column)
    }

    public static func < (lhs: FileLocation, rhs: FileLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing kubelint reports.
public struct Finding: Sendable, Hashable {
    /// Another place that explains the finding (the first of two duplicate keys, a contract line).
    public struct Related: Sendable, Hashable {
        public var location: FileLocation
        public var message: String

        public init(location: FileLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: FileLocation
    public var resource: ResourceIdentity?
    public var remediation: String?
    public var related: [Related]

    public init(
        ruleID: String, severity: Severity, message: String, location: FileLocation,
        resource: ResourceIdentity? = nil, remediation: String? = nil, related: [Related] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.resource = resource
        self.remediation = remediation
        self.related = related
    }

    /// Report order: by file, line, column, then rule and message, so output is deterministic.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
