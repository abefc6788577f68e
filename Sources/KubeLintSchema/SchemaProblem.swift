import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// Something the schema walk found wrong with a value. Rules pick the kinds they report, so each
/// problem is reported by exactly one rule.
package struct SchemaProblem: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A key the type does not have. `suggestion` is the closest field name; `missingIn` is
        /// set when the field exists, but only in releases after that target version;
        /// `belongsUnder` names the fields one level down that have it (`ports[]`).
        case unknownField(field: String, suggestion: String?, missingIn: KubernetesVersion?, belongsUnder: [String])
        /// A value of the wrong type (`expected`, `found` are human descriptions).
        case wrongType(expected: String, found: String)
        /// A plain scalar that YAML reads as a boolean, number or null where a string is needed;
        /// `text` is what was written.
        case stringExpected(found: ResolvedScalar, text: String)
        case missingField(String)
        /// A required field written with an empty value (`apiVersion: ""`).
        case emptyField(String)
        case invalidEnum(value: String, allowed: [String])
        case invalidQuantity(text: String, reason: String)
        case invalidPort(Int64)
        case invalidPortName(name: String, reason: String)
        case invalidName(value: String, reason: String)
        case invalidLabel(text: String, reason: String)
        case invalidSelector(String)
        /// A custom resource's apiVersion that its CustomResourceDefinition does not serve.
        case unservedVersion(version: String, served: [String])
    }

    package enum Origin: Sendable, Hashable {
        /// Checked against the built-in Kubernetes schema.
        case builtIn
        /// Checked against the `openAPIV3Schema` of the named CustomResourceDefinition.
        case customResource(definition: String, mark: Mark, file: String)
    }

    package var kind: Kind
    /// Dotted path of the value (`spec.template.spec.containers[0].ports[0].containerPort`).
    package var path: String
    package var mark: Mark
    package var origin: Origin

    package init(kind: Kind, path: String, mark: Mark, origin: Origin = .builtIn) {
        self.kind = kind
        self.path = path
        self.mark = mark
        self.origin = origin
    }

    package var isCustomResource: Bool {
        if case .customResource = origin { return true }
        return false
    }

    /// One sentence saying what is wrong and, where it is short, what to write instead.
    package var message: String {
        let at = path.isEmpty ? "" : "\(path): "
        switch kind {
        case .unknownField(let field, let suggestion, let missingIn, let belongsUnder):
            let place = path.isEmpty ? "" : " in \(path)"
            if let missingIn {
                return "field '\(field)'\(place) does not exist in Kubernetes \(missingIn); it was added in a later release"
            }
            var text = "unknown field '\(field)'\(place)"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            if !belongsUnder.isEmpty { text += "; it belongs under " + Self.alternatives(belongsUnder) }
            return text
        case .wrongType(let expected, let found):
            return "\(path) must be \(expected), found \(found)"
        case .stringExpected(let found, let text):
            return Self.stringExpectedMessage(path: path, found: found, text: text)
        case .missingField(let field):
            return path.isEmpty ? "required field '\(field)' is missing" : "\(path): required field '\(field)' is missing"
        case .emptyField(let field):
            return path.isEmpty ? "required field '\(field)' is empty" : "\(path): required field '\(field)' is empty"
        case .invalidEnum(let value, let allowed):
            let options = allowed.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
            return "\(at)'\(value)' is not one of \(options)" + NameSuggestion.hint(for: value, among: allowed)
        case .invalidQuantity(let text, let reason):
            return "\(at)'\(text)' is not a valid quantity: \(reason)"
        case .invalidPort(let value):
            return "\(at)\(value) is not a valid port number (1-65535)"
        case .invalidPortName(let name, let reason):
            return "\(at)'\(name)' is not a valid port name: \(reason)"
        case .invalidName(let value, let reason):
            return "\(at)'\(value)' is not a valid name: \(reason)"
        case .invalidLabel(let text, let reason):
            return "\(at)'\(text)' \(reason)"
        case .invalidSelector(let detail):
            return "\(at)\(detail)"
        case .unservedVersion(let version, let served):
            let list = served.isEmpty ? "none" : served.joined(separator: ", ")
            return "version '\(version)' is not served by the CustomResourceDefinition (served: \(list))"
        }
    }

    static func stringExpectedMessage(path: String, found: ResolvedScalar, text: String) -> String {
        let subject = path.isEmpty ? "this value" : path
        switch found {
        case .null:
            return "\(subject) is null, but a string is required; write \"\" for an empty string, or quote the text"
        case .bool(let value):
            return "\(subject): YAML reads `\(text)` as the boolean \(value), but a string is required; write \(quoted(text))"
        case .int(let value):
            return "\(subject): YAML reads `\(text)` as the integer \(value), but a string is required; write \(quoted(text))"
        case .float:
            return "\(subject): YAML reads `\(text)` as a number, but a string is required; write \(quoted(text))"
        case .string:
            return "\(subject) must be a string"
        }
    }

    /// "a", "a or b", "a, b or c".
    static func alternatives(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// `text` as a double-quoted YAML scalar.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
