import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Where a producer entry finds a value in a custom resource: `spec.secretName`,
/// `spec.users[].name` (each item of a list), `spec.users.*` (each key of a mapping),
/// `metadata.annotations['cert-manager.io/issuer']` (a key with dots), and the shorthands
/// `name` (the object's name) and `namespace` (the namespace it lands in).
struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        /// The value under a mapping key.
        case key(String)
        /// Each item of a list.
        case eachItem
        /// Each key of a mapping, as a value.
        case eachKey
    }

    enum Start: Sendable, Hashable {
        case root
        case objectName
        case objectNamespace
    }

    var start: Start
    var steps: [Step]
    /// As written, for messages and documentation.
    var description: String

    /// Parses `text`; the reason when it is not a path. Read byte by byte: the built-in table is
    /// parsed on every run, and reading it by characters was a millisecond of each.
    static func parse(_ text: String) -> Result<FieldPath, PathError> {
        if text == "name" { return .success(FieldPath(start: .objectName, steps: [], description: text)) }
        if text == "namespace" { return .success(FieldPath(start: .objectNamespace, steps: [], description: text)) }
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let dot = UInt8(ascii: "."), open = UInt8(ascii: "["), close = UInt8(ascii: "]"), quote = UInt8(ascii: "'")
        var steps: [Step] = []
        var position = 0
        var expectKey = true
        while position < bytes.count {
            let next = position + 1 < bytes.count ? bytes[position + 1] : nil
            if bytes[position] == open, next == close {
                guard !steps.isEmpty else { return .failure(PathError(text, "cannot start with []")) }
                steps.append(.eachItem)
                position += 2
                expectKey = false
            } else if bytes[position] == open, next == quote {
                // The key ends at the first `']`; keys hold no quote.
                let keyStart = position + 2
                guard let end = bytes[keyStart...].firstIndex(of: quote), end + 1 < bytes.count, bytes[end + 1] == close else {
                    return .failure(PathError(text, "has an unclosed ['"))
                }
                guard end > keyStart else { return .failure(PathError(text, "has an empty ['']")) }
                steps.append(.key(string(keyStart..<end)))
                position = end + 2
                expectKey = false
            } else if bytes[position] == open {
                return .failure(PathError(text, "has a '[' that is neither [] nor ['key']"))
            } else if bytes[position] == dot {
                guard !expectKey else { return .failure(PathError(text, "has an empty step")) }
                position += 1
                expectKey = true
                if position == bytes.count { return .failure(PathError(text, "ends with '.'")) }
            } else {
                guard expectKey else { return .failure(PathError(text, "needs '.' between steps")) }
                let end = bytes[position...].firstIndex { $0 == dot || $0 == open } ?? bytes.count
                if bytes[position..<end].contains(close) || bytes[position..<end].contains(quote) {
                    return .failure(PathError(text, "has a stray ']' or quote"))
                }
                let key = string(position..<end)
                steps.append(key == "*" ? .eachKey : .key(key))
                position = end
                expectKey = false
            }
        }
        guard !steps.isEmpty else { return .failure(PathError(text, "is empty")) }
        guard case .key = steps[0] else { return .failure(PathError(text, "must start with a field name")) }
        return .success(FieldPath(start: .root, steps: steps, description: text))
    }

    struct PathError: Error, Sendable {
        var message: String
        init(_ path: String, _ problem: String) { message = "field path '\(path)' \(problem)" }
        init(template: String, _ problem: String) { message = "name template '\(template)' \(problem)" }

        /// This problem of a path, told as one of the template that holds it.
        func inTemplate(_ template: String) -> PathError {
            PathError(template: template, "has a placeholder whose \(message)")
        }
    }

    /// The steps up to and including the first `[]`: what a template iterates over, so that
    /// `{spec.users[].db}-{spec.users[].name}` pairs the fields of one item, not of every two.
    var iterationPrefix: [Step]? {
        guard let position = steps.firstIndex(of: .eachItem) else { return nil }
        return Array(steps[...position])
    }

    /// The text values at the path: scalars (never null), or the keys a `*` step reaches.
    /// `bound` gives the item a prefix of the path stands for while a template iterates.
    func values(in resource: ProducerSubject, bound: [[Step]: Node] = [:]) -> [String] {
        locatedValues(in: resource, bound: bound).map(\.value)
    }

    /// `values(in:bound:)` with where each is written.
    func locatedValues(in resource: ProducerSubject, bound: [[Step]: Node] = [:]) -> [Located<String>] {
        switch start {
        case .objectName: return resource.name.map { [Located($0, at: resource.nameMark)] } ?? []
        case .objectNamespace: return [Located(resource.namespace, at: resource.nameMark)]
        case .root: break
        }
        var nodes: [Node]
        var remaining = steps[...]
        if let prefix = iterationPrefix, let item = bound[prefix] {
            nodes = [item]
            remaining = steps[prefix.count...]
        } else {
            nodes = [resource.root]
        }
        var keysReached: [Located<String>]?
        for step in remaining {
            if keysReached != nil { return [] }
            var next: [Node] = []
            switch step {
            case .key(let key):
                for node in nodes {
                    if let value = node[key], !value.isNull { next.append(value) }
                }
            case .eachItem:
                for node in nodes { next.append(contentsOf: node.items ?? []) }
            case .eachKey:
                keysReached = nodes.flatMap { node in
                    (node.pairs ?? []).compactMap { pair in MappingReader.keyText(pair.key).map { Located($0, at: pair.key.start) } }
                }
            }
            nodes = next
        }
        if let keysReached { return keysReached }
        return nodes.compactMap { node in
            guard let scalar = node.scalar, !node.isNull else { return nil }
            return Located(scalar.text, at: node.start)
        }
    }

    /// Whether the path holds something other than null or false: a value, a list, a mapping.
    func isPresent(in resource: ProducerSubject) -> Bool {
        if start != .root || steps.contains(.eachKey) { return !values(in: resource).isEmpty }
        return nodes(in: resource).contains { node in
            guard let scalar = node.scalar else { return true }
            let resolved = scalar.resolved
            return resolved != .null && resolved != .bool(false)
        }
    }

    /// The nodes at the path (for `labelsFrom`, which reads whole mappings).
    func nodes(in resource: ProducerSubject) -> [Node] {
        guard start == .root else { return [] }
        var nodes = [resource.root]
        for step in steps {
            var next: [Node] = []
            switch step {
            case .key(let key):
                for node in nodes {
                    if let value = node[key], !value.isNull { next.append(value) }
                }
            case .eachItem:
                for node in nodes { next.append(contentsOf: node.items ?? []) }
            case .eachKey:
                return []
            }
            nodes = next
        }
        return nodes
    }

    /// The items a template iterates over for `prefix`.
    static func items(at prefix: [Step], in resource: ProducerSubject) -> [Node] {
        FieldPath(start: .root, steps: prefix, description: "").nodes(in: resource)
    }
}

/// A custom resource as the producer table sees it: its parsed object, its name, and the
/// namespace it lands in.
struct ProducerSubject {
    var root: Node
    var name: String?
    var namespace: String
    var nameMark: Mark
}
