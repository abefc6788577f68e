import KubeLintModel
import KubeLintYAML

/// Reads kubelint's own YAML files (the configuration, contracts) strictly: unknown keys, wrong
/// types and duplicate keys are problems with positions, never silently ignored, because a
/// misspelt key in a configuration would otherwise switch nothing on.
package struct SchemaReader {
    package let file: String
    package let origin: ConfigurationProblem.Origin
    package private(set) var problems: [ConfigurationProblem] = []

    package init(file: String, origin: ConfigurationProblem.Origin) {
        self.file = file
        self.origin = origin
    }

    package mutating func report(_ message: String, at mark: Mark) {
        problems.append(ConfigurationProblem(origin: origin, file: file, mark: mark, message: message))
    }

    /// The root of the file's single document; nil for an empty file or one that does not parse
    /// (reported).
    package mutating func root(of bytes: [UInt8]) -> Node? {
        let stream = YAMLParser.parse(bytes)
        for document in stream.documents {
            for problem in document.problems {
                switch problem.kind {
                case .duplicateKey(let key, let first):
                    report("duplicate key '\(key)' (first at line \(first.line), column \(first.column))", at: problem.mark)
                case .equivalentKey(let key, let first, let firstKey, _):
                    report("key '\(key)' is the same key as '\(firstKey)' (first at line \(first.line), column \(first.column))", at: problem.mark)
                case .invalidMerge:
                    report("`<<` merge value must be a mapping or a list of mappings", at: problem.mark)
                }
            }
        }
        if let error = stream.error {
            var message = "not valid YAML: \(error.message)"
            if let context = error.context { message += " (\(context))" }
            report(message, at: error.mark)
            return nil
        }
        let documents = stream.documents.filter { $0.root != nil }
        if documents.count > 1 {
            report("expected one YAML document, found \(documents.count)", at: documents[1].start)
        }
        guard let root = documents.first?.root, !root.isNull else { return nil }
        return root
    }

    /// The entries of a mapping by key, after reporting keys outside `allowed`; nil (reported)
    /// when the node is not a mapping.
    package mutating func fields(_ node: Node, allowed: [String], in place: String) -> Fields? {
        guard let pairs = node.pairs else {
            report("\(place) must be a mapping, found \(node.typeDescription)", at: node.start)
            return nil
        }
        var byKey: [String: Pair] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                report("keys in \(place) must be strings, found \(pair.key.typeDescription)", at: pair.key.start)
                continue
            }
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)' in \(place)"
                if let suggestion = NameSuggestion.closest(to: key, among: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (expected one of: \(allowed.joined(separator: ", ")))"
                }
                report(message, at: pair.key.start)
                continue
            }
            byKey[key] = pair
        }
        return Fields(node: node, pairs: byKey)
    }

    /// A string value; nil (reported) for any other type. Null reads as absent.
    package mutating func string(_ pair: Pair?, _ what: String) -> Located<String>? {
        guard let pair, !pair.value.isNull else { return nil }
        guard let text = MappingReader.string(pair.value) else {
            report("\(what) must be a string, found \(pair.value.typeDescription)", at: pair.value.start)
            return nil
        }
        return Located(text, at: pair.value.start, key: pair.key.start)
    }

    /// A string that names something: empty is reported like a wrong type.
    package mutating func name(_ pair: Pair?, _ what: String) -> Located<String>? {
        guard let value = string(pair, what) else { return nil }
        guard !value.value.isEmpty else {
            report("\(what) must not be empty", at: value.mark)
            return nil
        }
        return value
    }

    /// A string where a number is also a fine spelling (a Service port name, a storage size).
    package mutating func text(_ pair: Pair?, _ what: String) -> Located<String>? {
        guard let pair, !pair.value.isNull else { return nil }
        guard let scalar = pair.value.scalar, case let resolved = scalar.resolved, resolved != .bool(true), resolved != .bool(false) else {
            report("\(what) must be a string, found \(pair.value.typeDescription)", at: pair.value.start)
            return nil
        }
        return Located(scalar.text, at: pair.value.start, key: pair.key.start)
    }

    package mutating func int(_ pair: Pair?, _ what: String) -> Located<Int>? {
        guard let pair, !pair.value.isNull else { return nil }
        guard let scalar = pair.value.scalar, case .int(let value) = scalar.resolved, let small = Int(exactly: value) else {
            report("\(what) must be an integer, found \(pair.value.typeDescription)", at: pair.value.start)
            return nil
        }
        return Located(small, at: pair.value.start, key: pair.key.start)
    }

    package mutating func bool(_ pair: Pair?, _ what: String) -> Located<Bool>? {
        guard let pair, !pair.value.isNull else { return nil }
        guard let scalar = pair.value.scalar, case .bool(let value) = scalar.resolved else {
            report("\(what) must be true or false, found \(pair.value.typeDescription)", at: pair.value.start)
            return nil
        }
        return Located(value, at: pair.value.start, key: pair.key.start)
    }

    /// The items of a list; nil (reported) when the value is not a list.
    package mutating func list(_ pair: Pair?, _ what: String) -> [Node]? {
        guard let pair, !pair.value.isNull else { return nil }
        guard let items = pair.value.items else {
            report("\(what) must be a list, found \(pair.value.typeDescription)", at: pair.value.start)
            return nil
        }
        return items
    }

    /// A list of strings; a single string is accepted as a list of one.
    package mutating func strings(_ pair: Pair?, _ what: String) -> [Located<String>]? {
        guard let pair, !pair.value.isNull else { return nil }
        if pair.value.scalar != nil {
            return string(pair, what).map { [$0] }
        }
        guard let items = list(pair, what) else { return nil }
        var result: [Located<String>] = []
        for (index, item) in items.enumerated() {
            if let text = MappingReader.string(item) {
                result.append(Located(text, at: item.start))
            } else {
                report("\(what)[\(index)] must be a string, found \(item.typeDescription)", at: item.start)
            }
        }
        return result
    }

    /// A required field: reports its absence at the mapping.
    package mutating func require(_ fields: Fields, _ key: String, in place: String) {
        if fields[key] == nil || fields[key]?.value.isNull == true {
            report("\(place) needs '\(key)'", at: fields.node.start)
        }
    }
}

/// The entries of one mapping of a kubelint file, by key.
package struct Fields {
    package var node: Node
    package var pairs: [String: Pair]

    package subscript(key: String) -> Pair? { pairs[key] }
}
