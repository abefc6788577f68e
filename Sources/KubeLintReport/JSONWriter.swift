/// A minimal JSON writer with a fixed key order, so reports are byte-for-byte stable.
struct JSONWriter {
    private(set) var text = ""
    private var indentLevel = 0
    private var needsComma = [false]

    enum Value {
        case string(String?)
        case int(Int)
        case bool(Bool)
    }

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func field(_ key: String, _ value: Value) {
        separate()
        text += "\(Self.quote(key)): \(Self.literal(value))"
    }

    mutating func element(_ value: Value) {
        separate()
        text += Self.literal(value)
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        separate()
        if let key { text += "\(Self.quote(key)): " }
        text += bracket
        indentLevel += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadContent = needsComma.removeLast()
        indentLevel -= 1
        if hadContent { text += "\n" + String(repeating: "  ", count: indentLevel) }
        text += bracket
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        if indentLevel > 0 || needsComma.count > 1 { text += "\n" + String(repeating: "  ", count: indentLevel) }
        needsComma[needsComma.count - 1] = true
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .string(let string): string.map(quote) ?? "null"
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    /// JSON string escaping (RFC 8259): quote, backslash and control characters.
    static func quote(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
