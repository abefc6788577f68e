import KubeLintYAML

/// Collects the decode issues of one resource.
public struct DecodeContext: Sendable {
    public private(set) var issues: [DecodeIssue] = []
    /// Texts too long to be small strings, by a hash of their bytes: one copy of each is
    /// shared within the resource. A workload names its ConfigMap once per variable and its
    /// labels again in selectors and templates; separate copies were 4% of a large tree's
    /// peak memory.
    private var sharedTexts: [UInt64: String] = [:]

    public init() {}

    /// The text of `bytes`, shared with an equal text already read for this resource.
    mutating func text(_ bytes: ArraySlice<UInt8>) -> String {
        // Up to 15 bytes a `String` holds its text inline: nothing to share.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = FNV1a.hash(bytes)
        if let shared = sharedTexts[hash], shared.utf8.elementsEqual(bytes) { return shared }
        let text = String(decoding: bytes, as: UTF8.self)
        sharedTexts[hash] = text
        return text
    }

    mutating func wrongType(_ path: String, expected: String, node: Node) {
        issues.append(DecodeIssue(kind: .wrongType(expected: expected, found: node.typeDescription), path: path, mark: node.start))
    }

    mutating func missing(_ field: String, in path: String, at mark: Mark) {
        issues.append(DecodeIssue(kind: .missingField(field), path: path, mark: mark))
    }

    mutating func invalid(_ path: String, _ detail: String, at mark: Mark) {
        issues.append(DecodeIssue(kind: .invalidValue(detail), path: path, mark: mark))
    }
}

/// Typed access to the fields of one mapping node, recording type mismatches as it reads.
///
/// A field written as null (`strategy:` or `strategy: null`) reads as absent, exactly as
/// Kubernetes' JSON decoding treats it.
public struct MappingReader: Sendable {
    public let node: Node
    private let location: FieldLocation

    /// Dotted path of this mapping within its resource ("" for the root).
    public var path: String { location.path }

    /// A reader over `node`, or nil when the node is null, or not a mapping (an issue is recorded).
    public init?(_ node: Node, path: String, context: inout DecodeContext) {
        self.init(node, location: FieldLocation(parent: nil, step: .root(path)), context: &context)
    }

    private init?(_ node: Node, location: FieldLocation, context: inout DecodeContext) {
        switch node.kind {
        case .mapping:
            self.node = node
            self.location = location
        case .scalar where node.isNull:
            return nil
        default:
            context.wrongType(location.path, expected: "a mapping", node: node)
            return nil
        }
    }

    public func fieldPath(_ key: String) -> String {
        let path = path
        return path.isEmpty ? key : path + "." + key
    }

    /// The entry for `key` unless absent or null.
    public func pair(_ key: String) -> Pair? {
        guard let pair = node.pair(key), !pair.value.isNull else { return nil }
        return pair
    }

    public func has(_ key: String) -> Bool { pair(key) != nil }

    public func require(_ key: String, context: inout DecodeContext) {
        if pair(key) == nil {
            context.missing(key, in: path, at: node.pair(key)?.key.start ?? node.start)
        }
    }

    public func string(_ key: String, context: inout DecodeContext) -> Located<String>? {
        guard let pair = pair(key) else { return nil }
        guard let value = Self.string(pair.value, context: &context) else {
            context.wrongType(fieldPath(key), expected: "a string", node: pair.value)
            return nil
        }
        return Located(value, at: pair.value.start, key: pair.key.start)
    }

    public func int(_ key: String, context: inout DecodeContext) -> Located<Int>? {
        guard let pair = pair(key) else { return nil }
        guard case .scalar(let scalar) = pair.value.content, case .int(let value) = scalar.resolved,
              let small = Int(exactly: value) else {
            context.wrongType(fieldPath(key), expected: "an integer", node: pair.value)
            return nil
        }
        return Located(small, at: pair.value.start, key: pair.key.start)
    }

    public func bool(_ key: String, context: inout DecodeContext) -> Located<Bool>? {
        guard let pair = pair(key) else { return nil }
        guard case .scalar(let scalar) = pair.value.content, case .bool(let value) = scalar.resolved else {
            context.wrongType(fieldPath(key), expected: "a boolean", node: pair.value)
            return nil
        }
        return Located(value, at: pair.value.start, key: pair.key.start)
    }

    public func intOrString(_ key: String, context: inout DecodeContext) -> Located<IntOrString>? {
        guard let pair = pair(key) else { return nil }
        if case .scalar(let scalar) = pair.value.content {
            switch scalar.resolved {
            case .int(let value):
                if let small = Int(exactly: value) { return Located(.int(small), at: pair.value.start, key: pair.key.start) }
            case .string(let text):
                return Located(.string(text), at: pair.value.start, key: pair.key.start)
            default:
                break
            }
        }
        context.wrongType(fieldPath(key), expected: "an integer or a string", node: pair.value)
        return nil
    }

    /// A nested mapping; nil when absent, null or of the wrong type (recorded).
    public func mapping(_ key: String, context: inout DecodeContext) -> MappingReader? {
        guard let pair = pair(key) else { return nil }
        return MappingReader(pair.value, location: FieldLocation(parent: location, step: .key(key)), context: &context)
    }

    /// The items of a list field; nil when absent or null, empty and recorded when not a list.
    public func list(_ key: String, context: inout DecodeContext) -> [Node]? {
        guard let pair = pair(key) else { return nil }
        guard case .sequence(let items) = pair.value.content else {
            context.wrongType(fieldPath(key), expected: "a list", node: pair.value)
            return []
        }
        return items
    }

    /// A list of objects, each decoded by `decode`; items that are not mappings are recorded.
    public func objects<T>(
        _ key: String,
        context: inout DecodeContext,
        _ decode: (MappingReader, inout DecodeContext) -> T
    ) -> [T] {
        guard let items = list(key, context: &context) else { return [] }
        var result: [T] = []
        result.reserveCapacity(items.count)
        let list = FieldLocation(parent: location, step: .key(key))
        for (index, item) in items.enumerated() {
            if let reader = MappingReader(item, location: FieldLocation(parent: list, step: .item(index)), context: &context) {
                result.append(decode(reader, &context))
            }
        }
        return result
    }

    public func strings(_ key: String, context: inout DecodeContext) -> [Located<String>] {
        guard let items = list(key, context: &context) else { return [] }
        var result: [Located<String>] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let value = Self.string(item, context: &context) {
                result.append(Located(value, at: item.start))
            } else {
                context.wrongType("\(fieldPath(key))[\(index)]", expected: "a string", node: item)
            }
        }
        return result
    }

    /// A map of strings to strings (labels, annotations, ConfigMap data). Non-string values
    /// are recorded; Kubernetes would reject the object.
    public func stringMap(_ key: String, context: inout DecodeContext) -> StringMap {
        guard let pair = pair(key) else { return StringMap() }
        guard case .mapping(let pairs) = pair.value.content else {
            context.wrongType(fieldPath(key), expected: "a mapping of strings", node: pair.value)
            return StringMap()
        }
        var entries: [StringMap.Entry] = []
        entries.reserveCapacity(pairs.count)
        for entry in pairs {
            guard let name = entry.key.scalarUTF8.map({ context.text($0) }) else {
                context.wrongType(fieldPath(key), expected: "a mapping with string keys", node: entry.key)
                continue
            }
            guard let value = Self.string(entry.value, context: &context) else {
                context.wrongType("\(fieldPath(key)).\(name)", expected: "a string", node: entry.value)
                continue
            }
            entries.append(StringMap.Entry(key: name, value: value, keyMark: entry.key.start, valueMark: entry.value.start))
        }
        return StringMap(entries: entries, mark: pair.value.start)
    }

    /// The text of a string scalar; nil for other types (a plain `8080` or `yes` is not a string).
    public static func string(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node.content else { return nil }
        if scalar.style != .plain && scalar.tag == nil { return scalar.text }
        if case .string(let text) = scalar.resolved { return text }
        return nil
    }

    /// `string(_:)`, sharing the text within the resource when it is evidently a string.
    static func string(_ node: Node, context: inout DecodeContext) -> String? {
        if node.isEvidentlyString, let bytes = node.scalarUTF8 { return context.text(bytes) }
        return string(node)
    }

    /// A mapping key as JSON sees it: sigs.k8s.io/yaml turns scalar keys of any type into strings.
    public static func keyText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node.content else { return nil }
        return scalar.text
    }
}

/// Where a mapping sits in its resource, kept as a chain of steps so that the dotted path is
/// only written out when a message needs it: building it for every mapping read was a large
/// part of decoding.
private final class FieldLocation: Sendable {
    enum Step: Sendable {
        /// The path the chain starts from ("" for a resource's root).
        case root(String)
        case key(String)
        case item(Int)
    }

    let parent: FieldLocation?
    let step: Step

    init(parent: FieldLocation?, step: Step) {
        self.parent = parent
        self.step = step
    }

    var path: String {
        var steps: [Step] = []
        var current: FieldLocation? = self
        while let location = current {
            steps.append(location.step)
            current = location.parent
        }
        var text = ""
        for step in steps.reversed() {
            switch step {
            case .root(let path): text = path
            case .key(let key): text = text.isEmpty ? key : text + "." + key
            case .item(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
