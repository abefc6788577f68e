/// Makes input-derived text safe to print on a terminal: manifests and messages quoting them can
/// hold control characters, and an escape sequence copied from a file must not reach the
/// terminal as a command, nor a line break split one finding line in two.
enum VisibleText {
    /// Each control character becomes one visible character of the same width (U+2400 "Control
    /// Pictures" for C0 and DEL, U+FFFD for C1), so carets under a line still line up.
    /// Tabs are kept when `keepingTabs`, because a code frame copies them to align its caret.
    static func make(_ text: some StringProtocol, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacement($0, keepingTabs: keepingTabs) }) else {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(needsReplacement(scalar, keepingTabs: keepingTabs) ? picture(of: scalar) : scalar)
        }
        return String(result)
    }

    static func needsReplacement(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> Bool {
        if scalar == "\t" { return !keepingTabs }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The visible stand-in for a control character.
    static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
