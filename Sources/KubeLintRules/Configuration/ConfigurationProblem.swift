import KubeLintYAML

/// Something wrong in kubelint's own input: the configuration file or a contract. Reported
/// with its position like any finding, and makes the run exit 2.
public struct ConfigurationProblem: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        case configuration
        case contract
    }

    public var origin: Origin
    public var file: String
    public var mark: Mark
    public var message: String

    public init(origin: Origin, file: String, mark: Mark = .start, message: String) {
        self.origin = origin
        self.file = file
        self.mark = mark
        self.message = message
    }
}
