import KubeLintModel
import KubeLintYAML

package enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A file position as editors and CI logs link it (1-based line and column).
package struct FileLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package init(file: String, mark: Mark) {
        self.init(file: file, line: mark.line, column: mark.column)
    }

    package static func < (lhs: FileLocation, rhs: FileLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    package var description: String { "\(file):\(line):\(column)" }
}

/// One thing kubelint reports.
package struct Finding: Sendable, Hashable {
    /// Another place that explains the finding (the first of two duplicate keys, a contract line).
    package struct Related: Sendable, Hashable {
        package var location: FileLocation
        package var message: String

        package init(location: FileLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    package var ruleID: String
    package var severity: Severity
    package var message: String
    package var location: FileLocation
    package var resource: ResourceIdentity?
    package var remediation: String?
    package var related: [Related]

    package init(
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
    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
