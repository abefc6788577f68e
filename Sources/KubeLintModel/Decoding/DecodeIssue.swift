import KubeLintYAML

/// Something in a manifest that does not fit the Kubernetes type it declares: the API server
/// would reject the object. Kept on the resource so that rules can report it with positions.
public struct DecodeIssue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The value has the wrong YAML type (`expected` and `found` are human descriptions).
        case wrongType(expected: String, found: String)
        /// A required field is missing from the mapping at `mark`.
        case missingField(String)
        /// The value has the right type but is not acceptable (e.g. a negative replica count).
        case invalidValue(String)
    }

    public var kind: Kind
    /// Dotted path of the field, e.g. `spec.template.spec.containers[0].ports[0].containerPort`.
    public var path: String
    public var mark: Mark

    public init(kind: Kind, path: String, mark: Mark) {
        self.kind = kind
        self.path = path
        self.mark = mark
    }

    public var message: String {
        switch kind {
        case .wrongType(let expected, let found):
            "\(path) must be \(expected), found \(found)"
        case .missingField(let field):
            path.isEmpty ? "required field '\(field)' is missing" : "\(path): required field '\(field)' is missing"
        case .invalidValue(let detail):
            "\(path): \(detail)"
        }
    }
}
