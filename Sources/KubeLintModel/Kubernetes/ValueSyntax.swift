/// The API server's syntax rules for names, labels, ports and quantities
/// (k8s.io/apimachinery/pkg/util/validation and pkg/api/resource). Each check returns why a
/// value is invalid, or nil when it is valid.
public enum ValueSyntax {
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        ASCII.isLowercase(byte) || ASCII.isDigit(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || ASCII.isDigit(byte)
    }

    /// The UTF-8 bytes of `text` in place: the checks run on every name, label and key of a
    /// tree, and copying each into an array cost more than checking it.
    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// RFC 1123 label: at most 63 lowercase letters, digits and '-', starting and ending alphanumeric.
    public static func dnsLabel(_ text: String) -> String? {
        label(text, standard: "DNS-1123 label")
    }

    /// RFC 1035 label: a DNS-1123 label that starts with a letter (Service names).
    public static func dns1035Label(_ text: String) -> String? {
        if let problem = label(text, standard: "DNS-1035 label") { return problem }
        guard let first = text.utf8.first, ASCII.isLowercase(first) else {
            return "must start with a lowercase letter (DNS-1035 label)"
        }
        return nil
    }

    private static func label(_ text: String, standard: String) -> String? {
        withBytes(text) { bytes in
            if bytes.isEmpty { return "must not be empty" }
            if bytes.count > 63 { return "must be at most 63 characters (\(standard))" }
            guard bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                return "must consist of lowercase letters, digits and '-' (\(standard))"
            }
            guard let first = bytes.first, let last = bytes.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else {
                return "must start and end with a lowercase letter or digit (\(standard))"
            }
            return nil
        }
    }

    /// RFC 1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels.
    public static func dnsSubdomain(_ text: String) -> String? {
        withBytes(text, dnsSubdomain)
    }

    private static func dnsSubdomain(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "must not be empty" }
        if bytes.count > 253 { return "must be at most 253 characters (DNS-1123 subdomain)" }
        var labelStart = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ".") {
            let label = UnsafeBufferPointer(rebasing: bytes[labelStart..<end])
            guard let first = label.first, let last = label.last,
                  label.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }),
                  isLowerAlphanumeric(first), isLowerAlphanumeric(last) else {
                return "must consist of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (DNS-1123 subdomain)"
            }
            labelStart = end + 1
        }
        return nil
    }

    /// A name usable as one URL path segment (RBAC objects): not `.` or `..`, no `/` or `%`.
    public static func pathSegmentName(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text == "." || text == ".." { return "may not be '.' or '..'" }
        if text.contains("/") || text.contains("%") { return "may not contain '/' or '%'" }
        return nil
    }

    /// IANA service name (a named container port): at most 15 lowercase letters, digits and
    /// '-', at least one letter, no leading, trailing or double '-'.
    public static func ianaServiceName(_ text: String) -> String? {
        withBytes(text) { bytes in
            if bytes.isEmpty { return "must not be empty" }
            if bytes.count > 15 { return "must be at most 15 characters" }
            guard bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                return "must consist of lowercase letters, digits and '-'"
            }
            guard bytes.contains(where: ASCII.isLowercase) else { return "must contain at least one letter" }
            if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
                return "must not start or end with '-'"
            }
            if zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) {
                return "must not contain '--'"
            }
            return nil
        }
    }

    /// A label value: empty, or at most 63 characters of alphanumerics, '-', '_' and '.',
    /// starting and ending alphanumeric.
    public static func labelValue(_ text: String) -> String? {
        withBytes(text) { bytes in
            if bytes.isEmpty { return nil }
            if bytes.count > 63 { return "must be at most 63 characters" }
            return qualifiedNamePart(bytes)
        }
    }

    private static func qualifiedNamePart(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }) else {
            return "may contain only letters, digits, '-', '_' and '.'"
        }
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return "must start and end with a letter or digit"
        }
        return nil
    }

    /// A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most
    /// 63 characters.
    public static func qualifiedName(_ text: String) -> String? {
        let answer: String?? = withBytes(text) { bytes in
            // Splitting at '/' by characters and by bytes agree on ASCII text; other text takes
            // the general path below.
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return .some(qualifiedNameAfterPrefix(bytes)) }
            if bytes[(slash + 1)...].contains(UInt8(ascii: "/")) { return "may contain at most one '/'" }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<slash])
            if prefix.isEmpty { return "has an empty prefix before '/'" }
            if let problem = dnsSubdomain(prefix) {
                return "prefix '\(String(decoding: prefix, as: UTF8.self))' \(problem)"
            }
            return .some(qualifiedNameAfterPrefix(UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])))
        }
        if let answer { return answer }
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            if parts[0].isEmpty { return "has an empty prefix before '/'" }
            if let problem = dnsSubdomain(String(parts[0])) { return "prefix '\(parts[0])' \(problem)" }
            name = parts[1]
        default:
            return "may contain at most one '/'"
        }
        return withBytes(String(name), qualifiedNameAfterPrefix)
    }

    /// The name part of a qualified name.
    private static func qualifiedNameAfterPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "must have a name (after the prefix, if any)" }
        if bytes.count > 63 { return "name part must be at most 63 characters" }
        return qualifiedNamePart(bytes).map { "name part \($0)" }
    }

    /// A ConfigMap or Secret key: letters, digits, '-', '_' and '.', at most 253 characters.
    public static func configKey(_ text: String) -> String? {
        withBytes(text) { bytes in
            if bytes.isEmpty { return "must not be empty" }
            if bytes.count > 253 { return "must be at most 253 characters" }
            guard bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }) else {
                return "may contain only letters, digits, '-', '_' and '.'"
            }
            if bytes.starts(with: [UInt8(ascii: "."), UInt8(ascii: ".")]) || (bytes.count == 1 && bytes[0] == UInt8(ascii: ".")) {
                return "may not be '.' or '..', or start with '..'"
            }
            return nil
        }
    }

    /// A quantity: a signed decimal number, then a binary (`Ki`…`Ei`) or decimal (`n`, `u`, `m`,
    /// `k`, `M`…`E`) suffix or a decimal exponent (`e3`, `E-2`). Returns why not.
    public static func quantity(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        if bytes.isEmpty { return "it is empty" }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        let integer = bytes.prefix(while: ASCII.isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let digits = bytes.prefix(while: ASCII.isDigit)
            fraction = digits.count
            bytes = bytes.dropFirst(digits.count)
        }
        if integer.isEmpty && fraction == 0 { return "it must start with a number" }
        let suffix = String(decoding: bytes, as: UTF8.self)
        if quantitySuffixes.contains(suffix) { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            var exponent = bytes.dropFirst()
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponent = exponent.dropFirst()
            }
            if !exponent.isEmpty, exponent.allSatisfy(ASCII.isDigit) { return nil }
        }
        let number = String(decoding: text.utf8.prefix(text.utf8.count - bytes.count), as: UTF8.self)
        let unit = suffix.filter { $0 != " " }
        // The text without spaces has none, so this asks at most once more.
        if unit != suffix, quantity(number + unit) == nil { return "it must not contain spaces; did you mean '\(number)\(unit)'?" }
        let hint = QuantitySuggestion.hint(number: number, unit: unit)
        return "unknown suffix '\(unit)'" + (hint ?? " (use Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent such as e3)")
    }

    private static let quantitySuffixes: Set<String> = [
        "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E",
    ]

    /// A decimal integer with an optional sign, as node selector `Gt`/`Lt` values must be.
    public static func isDecimalInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy(ASCII.isDigit) && digits.utf8.count <= 18
    }
}
