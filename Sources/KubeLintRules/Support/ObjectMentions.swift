import KubeLintModel
import KubeLintYAML

extension Resource {
    /// `Deployment broker`, for messages.
    var kindAndName: String { "\(kind?.value ?? "object") \(name ?? "")" }

    /// A related position at this object's name, for a finding that points elsewhere.
    func related(_ message: String) -> Finding.Related {
        Finding.Related(location: FileLocation(file: source.file, mark: nameMark), message: message)
    }
}
