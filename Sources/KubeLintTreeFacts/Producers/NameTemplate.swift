import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A name an operator gives what it makes, written as text with placeholders:
/// `{name}-app`, `{spec.secretName}`, `{spec.target.name|name}` (the first alternative that has
/// a value), `{spec.users.*:dashes}-credentials` (a filter on the value). A placeholder with
/// several values (`spec.users[].name`, `spec.users.*`) gives several names; placeholders under
/// the same list (`{spec.users[].db}-{spec.users[].name}`) take their values from the same item.
/// A placeholder with no value makes the template name nothing.
struct NameTemplate: Sendable, Hashable, CustomStringConvertible {
    enum Filter: String, Sendable, CaseIterable {
        /// `_` becomes `-` (Zalando's user Secrets).
        case dashes
        /// Lowercase, and every run of characters a DNS name cannot hold becomes `-`
        /// (MongoDB's connection-string Secrets).
        case dns
    }

    struct Placeholder: Sendable, Hashable {
        var alternatives: [FieldPath]
        var filters: [Filter]
    }

    enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(Placeholder)
    }

    var parts: [Part]
    var description: String

    /// Enough for any operator's naming; bounds what a hostile configuration or resource costs.
    static let maximumNames = 256

    /// Parses `text`, byte by byte (see `FieldPath.parse`).
    static func parse(_ text: String) -> Result<NameTemplate, FieldPath.PathError> {
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var parts: [Part] = []
        var position = 0
        while let start = bytes[position...].firstIndex(of: open) {
            if start > position { parts.append(.text(string(position..<start))) }
            guard let end = bytes[start...].firstIndex(of: close) else {
                return .failure(FieldPath.PathError(template: text, "has a '{' without '}'"))
            }
            switch placeholder(bytes[(start + 1)..<end], in: text) {
            case .success(let placeholder): parts.append(.placeholder(placeholder))
            case .failure(let error): return .failure(error)
            }
            position = end + 1
        }
        if bytes[position...].contains(close) { return .failure(FieldPath.PathError(template: text, "has a '}' without '{'")) }
        if position < bytes.count { parts.append(.text(string(position..<bytes.count))) }
        guard !parts.isEmpty else { return .failure(FieldPath.PathError(template: text, "is empty")) }
        return .success(NameTemplate(parts: parts, description: text))
    }

    private static func placeholder(_ inner: ArraySlice<UInt8>, in text: String) -> Result<Placeholder, FieldPath.PathError> {
        // Filters follow each ':' outside brackets (`['a:b']` is a key, not a filter).
        var depth = 0
        var pieces: [String] = []
        var pieceStart = inner.startIndex
        for position in inner.indices {
            switch inner[position] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ":") where depth == 0:
                pieces.append(String(decoding: inner[pieceStart..<position], as: UTF8.self))
                pieceStart = position + 1
            default: break
            }
        }
        pieces.append(String(decoding: inner[pieceStart...], as: UTF8.self))
        var filters: [Filter] = []
        for name in pieces.dropFirst() {
            guard let filter = Filter(rawValue: name) else {
                let known = Filter.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(FieldPath.PathError(template: text, "has an unknown filter '\(name)' (known: \(known))"))
            }
            filters.append(filter)
        }
        var alternatives: [FieldPath] = []
        for alternative in pieces[0].split(separator: "|", omittingEmptySubsequences: false) {
            switch FieldPath.parse(String(alternative)) {
            case .success(let path): alternatives.append(path)
            case .failure(let error): return .failure(error.inTemplate(text))
            }
        }
        return .success(Placeholder(alternatives: alternatives, filters: filters))
    }

    /// The names this template gives for `resource`, in order, without repeats.
    func names(for resource: ProducerSubject) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        expand(resource, bound: [:]) { name in
            if !name.isEmpty, seen.insert(name).inserted { names.append(name) }
            return names.count < Self.maximumNames
        }
        return names
    }

    /// Binds the first list the placeholders iterate over to each of its items in turn, then
    /// the next, and at last combines the placeholders' values. `emit` returns false to stop.
    @discardableResult
    private func expand(_ resource: ProducerSubject, bound: [[FieldPath.Step]: Node], emit: (String) -> Bool) -> Bool {
        let unbound = parts.lazy.compactMap { part -> [FieldPath.Step]? in
            guard case .placeholder(let placeholder) = part else { return nil }
            return placeholder.alternatives.lazy.compactMap(\.iterationPrefix).first { bound[$0] == nil }
        }.first
        if let prefix = unbound {
            for item in FieldPath.items(at: prefix, in: resource) {
                var next = bound
                next[prefix] = item
                if !expand(resource, bound: next, emit: emit) { return false }
            }
            return true
        }
        var texts = [""]
        for part in parts {
            switch part {
            case .text(let text):
                texts = texts.map { $0 + text }
            case .placeholder(let placeholder):
                let values = placeholder.values(in: resource, bound: bound)
                if values.isEmpty { return true }
                texts = texts.flatMap { prefix in values.map { prefix + $0 } }
                if texts.count > Self.maximumNames { texts.removeLast(texts.count - Self.maximumNames) }
            }
        }
        for text in texts where !emit(text) { return false }
        return true
    }
}

extension NameTemplate.Placeholder {
    /// The values of the first alternative that has any, filtered.
    func values(in resource: ProducerSubject, bound: [[FieldPath.Step]: Node]) -> [String] {
        for path in alternatives {
            let values = path.values(in: resource, bound: bound).filter { !$0.isEmpty }
            if !values.isEmpty {
                return values.map { value in filters.reduce(value) { $1.apply(to: $0) } }
            }
        }
        return []
    }
}

extension NameTemplate.Filter {
    func apply(to value: String) -> String {
        switch self {
        case .dashes:
            return String(value.map { $0 == "_" ? "-" : $0 })
        case .dns:
            var result = ""
            var lastWasDash = false
            for character in value.lowercased() {
                let allowed = character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
                if allowed {
                    result.append(character)
                    lastWasDash = character == "-"
                } else if !lastWasDash {
                    result.append("-")
                    lastWasDash = true
                }
            }
            return result
        }
    }
}
