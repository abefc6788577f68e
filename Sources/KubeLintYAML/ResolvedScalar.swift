/// The typed value of a scalar, resolved the way Kubernetes resolves it.
///
/// `kubectl apply` and the API server's YAML path turn YAML into JSON with sigs.k8s.io/yaml,
/// whose `YAMLToJSON` decodes into untyped values with its fork of go-yaml v2. That is a YAML 1.1
/// resolver, so kubelint follows it exactly:
///
/// - Quoted, literal (`|`) and folded (`>`) scalars are always strings.
/// - An explicit standard tag decides (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`); any other
///   explicit tag leaves the text a string.
/// - A plain scalar is null when empty or `~`, `null`, `Null`, `NULL`;
///   a bool when `y Y yes Yes YES true True TRUE on On ON` (true) or
///   `n N no No NO false False FALSE off Off OFF` (false);
///   a float for `.inf`, `-.inf`, `+.inf`, `.nan` (in the `.inf`/`.Inf`/`.INF` spellings);
///   an integer when, with `_` removed, it parses as Go's `ParseInt(s, 0, 64)` does
///   (optional sign; `0x` hex, `0o` or a leading `0` octal, `0b` binary, else decimal);
///   a float when it then matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
///   (so `08`, an invalid octal, is the float 8);
///   and a string otherwise. Timestamps stay strings, as go-yaml v2 keeps them for untyped
///   targets.
///
/// This is why `enabled: yes` in a ConfigMap's `data` is rejected by the API server (a bool where
/// a string is required), while `enabled: "yes"` is accepted.
public enum ResolvedScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)

    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }

    /// The text a mapping key becomes in the JSON object Kubernetes decodes (sigs.k8s.io/yaml
    /// turns go-yaml's keys into strings: `true`, `1`, `null`, numbers in Go's shortest form).
    public var mapKey: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value):
            if value.isNaN { "NaN" } else if value.isInfinite { value > 0 ? "+Inf" : "-Inf" }
            else if value == value.rounded(), abs(value) < 1e21 { String(Int64(value)) }
            else { "\(value)" }
        case .string(let text): text
        }
    }

    static let tagPrefix = "tag:yaml.org,2002:"

    public static func resolve(_ scalar: Scalar) -> ResolvedScalar {
        if let tag = scalar.tag {
            return resolveTagged(scalar.text, tag: tag)
        }
        guard scalar.style == .plain else { return .string(scalar.text) }
        return resolvePlain(scalar.text)
    }

    private static func resolveTagged(_ text: String, tag: String) -> ResolvedScalar {
        guard tag.hasPrefix(tagPrefix) else { return .string(text) }
        let plain = resolvePlain(text)
        switch tag.dropFirst(tagPrefix.count) {
        case "null":
            return plain == .null ? .null : .string(text)
        case "bool":
            if case .bool = plain { return plain }
        case "int":
            if case .int = plain { return plain }
        case "float":
            switch plain {
            case .float: return plain
            case .int(let value): return .float(Double(value))
            default: break
            }
        default:
            break
        }
        return .string(text)
    }

    /// Resolution of an untagged plain scalar (go-yaml v2's `resolve`).
    public static func resolvePlain(_ text: String) -> ResolvedScalar {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return keyword(text) ?? .string(text)
        case UInt8(ascii: "."):
            if let keyword = keyword(text) { return keyword }
            return float(text) ?? .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let keyword = keyword(text) { return keyword }
            let digits = text.contains("_") ? text.replacingUnderscores() : text
            if let value = goParseInt(digits) { return .int(value) }
            return float(digits) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// Whether an untagged plain scalar starting with `byte` may resolve to something other
    /// than a string: the bytes `resolvePlain` looks further at.
    static func mayStartNonString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"), UInt8(ascii: "."),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    /// Whether an untagged plain scalar of these bytes may resolve to something other than a
    /// string, looking a little further than the first byte: numbers start with a digit, a
    /// sign or a dot, and keywords (`true`, `on`, `null`, ...) are five bytes at most, so `name`
    /// and `template` are evidently strings.
    static func mayResolveNonString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return bytes.count <= 5 && mayStartNonString(first) && keywords[String(decoding: bytes, as: UTF8.self)] != nil
        }
    }

    /// The keyword `text` spells, if any. No keyword is longer than five bytes, and most
    /// scalars are: they skip hashing.
    private static func keyword(_ text: String) -> ResolvedScalar? {
        text.utf8.count <= 5 ? keywords[text] : nil
    }

    private static let keywords: [String: ResolvedScalar] = {
        var table: [String: ResolvedScalar] = [:]
        for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] {
            table[word] = .bool(true)
        }
        for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] {
            table[word] = .bool(false)
        }
        for word in ["~", "null", "Null", "NULL"] {
            table[word] = .null
        }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] {
            table[word] = .float(.infinity)
        }
        for word in ["-.inf", "-.Inf", "-.INF"] {
            table[word] = .float(-.infinity)
        }
        for word in [".nan", ".NaN", ".NAN"] {
            table[word] = .float(.nan)
        }
        return table
    }()

    /// Go's `strconv.ParseInt(s, 0, 64)`: sign, then base prefix, then at least one digit.
    static func goParseInt(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.count > 1, bytes.first == UInt8(ascii: "0") {
            let marker = bytes[bytes.index(after: bytes.startIndex)] | 0x20
            switch marker {
            case UInt8(ascii: "x"): radix = 16; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "b"): radix = 2; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; bytes = bytes.dropFirst(2)
            default: radix = 8; bytes = bytes.dropFirst()
            }
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// go-yaml's float pattern, then the value.
    static func float(_ text: String) -> ResolvedScalar? {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integerDigits = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integerDigits.count)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix(while: isDigit)
            fractionDigits = fraction.count
            bytes = bytes.dropFirst(fraction.count)
            // `.5` needs fraction digits; `5.` is fine.
            guard !integerDigits.isEmpty || fractionDigits > 0 else { return nil }
        } else {
            guard !integerDigits.isEmpty else { return nil }
        }
        if let marker = bytes.first, marker | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            let exponent = bytes.prefix(while: isDigit)
            guard !exponent.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponent.count)
        }
        guard bytes.isEmpty, let value = Double(text) else { return nil }
        return .float(value)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(String.UnicodeScalarView(unicodeScalars.lazy.filter { $0 != "_" }))
    }
}
