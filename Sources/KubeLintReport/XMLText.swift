/// Escaping for XML 1.0 that survives any message.
///
/// XML 1.0 cannot carry most control characters at all, not even as character references, so
/// those (and U+FFFE, U+FFFF) are replaced by the visible stand-ins of `VisibleText`. In
/// attributes, tab and line breaks are written as references because parsers would otherwise
/// normalise them to spaces; in text, CR is, because parsers turn it into LF.
enum XMLText {
    static func attribute(_ text: some StringProtocol) -> String {
        escape(text, inAttribute: true)
    }

    static func content(_ text: some StringProtocol) -> String {
        escape(text, inAttribute: false)
    }

    private static func escape(_ text: some StringProtocol, inAttribute: Bool) -> String {
        // Most text (paths, names, messages) needs nothing: one pass over the bytes says so.
        if !needsEscaping(text.utf8, inAttribute: inAttribute) { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 {
                    result.unicodeScalars.append(VisibleText.picture(of: scalar))
                } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// True when some byte starts something `escape` changes: markup characters, control
    /// characters (tab and line feed only in attributes), and 0xEF, the first byte of U+FFFE
    /// and U+FFFF (and of other characters, which then take the slow path unchanged).
    private static func needsEscaping(_ bytes: some Sequence<UInt8>, inAttribute: Bool) -> Bool {
        bytes.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: true
            case UInt8(ascii: "\""): inAttribute
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): inAttribute
            default: byte < 0x20
            }
        }
    }
}
