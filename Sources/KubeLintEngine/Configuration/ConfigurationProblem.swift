import KubeLintModel
import KubeLintYAML

/// Something wrong in kubelint's own input: the configuration file or a contract. Reported
/// with its position like any finding, and makes the run exit 2.
package struct ConfigurationProblem: Sendable, Hashable {
    package enum Origin: String, Sendable, Hashable {
        case configuration
        case contract
    }

    package var origin: Origin
    package var file: String
    package var mark: Mark
    package var message: String

    package init(origin: Origin, file: String, mark: Mark = .start, message: String) {
        self.origin = origin
        self.file = file
        self.mark = mark
        self.message = message
    }
}
