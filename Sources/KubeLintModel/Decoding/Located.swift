import KubeLintYAML

/// A decoded value with where it was written: `mark` is the value's position, `keyMark` the
/// position of the key that introduced it (nil for list items and map values read by position).
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var mark: Mark
    /// The key's mark, or `noKey` for none. Every decoded field carries a `Located`, and an
    /// optional `Mark` takes 13 bytes where a mark takes 12: with a `String` that was 48 bytes
    /// a value instead of 40.
    private var storedKeyMark: Mark

    public var keyMark: Mark? {
        get { storedKeyMark == Self.noKey ? nil : storedKeyMark }
        set { storedKeyMark = newValue ?? Self.noKey }
    }

    /// Stands for "no key mark": line 0 and column 0, which no parsed position has (lines and
    /// columns start at 1), at the largest offset.
    private static var noKey: Mark { Mark(offset: Int(UInt32.max), line: 0, column: 0) }

    public init(_ value: Value, at mark: Mark, key keyMark: Mark? = nil) {
        self.value = value
        self.mark = mark
        storedKeyMark = keyMark ?? Self.noKey
    }
}

extension Located: Equatable where Value: Equatable {}

extension Optional where Wrapped == Located<String> {
    /// The field, unless written as "": for a field the API server defaults (`spec.type`,
    /// `strategy.type`), "" is the field left out, since Go's JSON decoding cannot tell them apart.
    public var unlessEmpty: Located<String>? {
        guard let located = self, !located.value.isEmpty else { return nil }
        return located
    }
}
extension Located: Hashable where Value: Hashable {}

/// A field that Kubernetes accepts as either a number or a name (`targetPort`, `servicePort`).
public enum IntOrString: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// `0` or `""`: what Kubernetes cannot tell from the field left out (Go's zero value).
    public var isZeroValue: Bool {
        switch self {
        case .int(let value): value == 0
        case .string(let value): value.isEmpty
        }
    }
}

/// An ordered string map as written in the file (labels, annotations, selectors, ConfigMap data).
/// Lookups by key go through `subscript`; duplicate keys keep the last value, as Kubernetes does.
public struct StringMap: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public var keyMark: Mark
        public var valueMark: Mark

        public init(key: String, value: String, keyMark: Mark, valueMark: Mark) {
            self.key = key
            self.value = value
            self.keyMark = keyMark
            self.valueMark = valueMark
        }
    }

    public var entries: [Entry]
    /// Where the map itself starts; nil when the field was absent.
    public var mark: Mark?

    public init(entries: [Entry] = [], mark: Mark? = nil) {
        self.entries = entries
        self.mark = mark
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> String? { entry(key)?.value }

    public func entry(_ key: String) -> Entry? {
        entries.last { $0.key == key }
    }

    /// The map as a dictionary (last duplicate wins).
    public var dictionary: [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries { result[entry.key] = entry.value }
        return result
    }

    /// True when every entry of `self` is present with the same value in `labels`.
    public func isSubset(of labels: StringMap) -> Bool {
        entries.allSatisfy { labels[$0.key] == $0.value }
    }
}
