import KubeLintYAML

/// A decoded value with where it was written: `mark` is the value's position, `keyMark` the
/// position of the key that introduced it (nil for list items and map values read by position).
package struct Located<Value: Sendable>: Sendable {
    package var value: Value
    package var mark: Mark
    /// The key's mark, or `noKey` for none. Every decoded field carries a `Located`, and an
    /// optional `Mark` takes 13 bytes where a mark takes 12: with a `String` that was 48 bytes
    /// a value instead of 40.
    private var storedKeyMark: Mark

    package var keyMark: Mark? {
        get { storedKeyMark == Self.noKey ? nil : storedKeyMark }
        set { storedKeyMark = newValue ?? Self.noKey }
    }

    /// Stands for "no key mark": line 0 and column 0, which no parsed position has (lines and
    /// columns start at 1), at the largest offset.
    private static var noKey: Mark { Mark(offset: Int(UInt32.max), line: 0, column: 0) }

    package init(_ value: Value, at mark: Mark, key keyMark: Mark? = nil) {
        self.value = value
        self.mark = mark
        storedKeyMark = keyMark ?? Self.noKey
    }
}

extension Located: Equatable where Value: Equatable {}

extension Optional where Wrapped == Located<String> {
    /// The field, unless written as "": for a field the API server defaults (`spec.type`,
    /// `strategy.type`), "" is the field left out, since Go's JSON decoding cannot tell them apart.
    package var unlessEmpty: Located<String>? {
        guard let located = self, !located.value.isEmpty else { return nil }
        return located
    }
}
extension Located: Hashable where Value: Hashable {}

/// A field that Kubernetes accepts as either a number or a name (`targetPort`, `servicePort`).
package enum IntOrString: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    package var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// `0` or `""`: what Kubernetes cannot tell from the field left out (Go's zero value).
    package var isZeroValue: Bool {
        switch self {
        case .int(let value): value == 0
        case .string(let value): value.isEmpty
        }
    }
}

/// An ordered string map as written in the file (labels, annotations, selectors, ConfigMap data).
/// Lookups by key go through `subscript`; duplicate keys keep the last value, as Kubernetes does.
package struct StringMap: Sendable, Hashable {
    package struct Entry: Sendable, Hashable {
        package var key: String
        package var value: String
        package var keyMark: Mark
        package var valueMark: Mark

        package init(key: String, value: String, keyMark: Mark, valueMark: Mark) {
            self.key = key
            self.value = value
            self.keyMark = keyMark
            self.valueMark = valueMark
        }
    }

    package var entries: [Entry]
    /// Where the map itself starts; nil when the field was absent.
    package var mark: Mark?

    package init(entries: [Entry] = [], mark: Mark? = nil) {
        self.entries = entries
        self.mark = mark
    }

    package var isEmpty: Bool { entries.isEmpty }
    package var count: Int { entries.count }
    package var keys: [String] { entries.map(\.key) }

    package subscript(key: String) -> String? { entry(key)?.value }

    package func entry(_ key: String) -> Entry? {
        entries.last { $0.key == key }
    }

    /// The map as a dictionary (last duplicate wins).
    package var dictionary: [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries { result[entry.key] = entry.value }
        return result
    }

    /// True when every entry of `self` is present with the same value in `labels`.
    package func isSubset(of labels: StringMap) -> Bool {
        entries.allSatisfy { labels[$0.key] == $0.value }
    }
}
