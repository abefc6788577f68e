import KubeLintModel
import KubeLintYAML

extension Resource {
    /// `Deployment broker`, for messages.
    package var kindAndName: String { "\(kind?.value ?? "object") \(name ?? "")" }

    /// A related position at this object's name, for a finding that points elsewhere.
    package func related(_ message: String) -> Finding.Related {
        Finding.Related(location: FileLocation(file: source.file, mark: nameMark), message: message)
    }
}

/// How messages name a container.
package enum ContainerWords {
    package static func name(_ container: Container) -> String {
        container.name.map { "'\($0.value)'" } ?? "without a name"
    }
}
