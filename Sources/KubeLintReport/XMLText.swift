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
}
