/// A source line and a caret under each marked column, as compilers print:
///
/// ```
///    6 |   DEBUG: yes
///      |          ^
/// ```
struct CodeFrame {
    /// Lines longer than this are cut to a window around the first caret.
    static let maxWidth = 120
    /// How much of the line before the first caret a cut window keeps.
    static let leadingContext = 40

    var text: Substring
    /// 1-based, in characters (Unicode scalars, as libyaml counts); at least one.
    var columns: [Int]
    /// Shown in a gutter when set; rule examples are printed without one.
    var lineNumber: Int?

    init(text: Substring, column: Int, lineNumber: Int? = nil) {
        self.init(text: text, columns: [column], lineNumber: lineNumber)
    }

    init(text: Substring, columns: [Int], lineNumber: Int? = nil) {
        self.text = text
        self.columns = columns
        self.lineNumber = lineNumber
    }

    /// The source line and the caret line, without trailing newlines.
    func render(style: TextStyle, caretRole: TextStyle.Role) -> [String] {
        renderPrintableASCII(style: style, caretRole: caretRole) ?? renderScalars(style: style, caretRole: caretRole)
    }

    /// `render` for any line, character by character.
    func renderScalars(style: TextStyle, caretRole: TextStyle.Role) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // A column just past the end points at a missing value; further ones are clamped there.
        let caretIndices = Set(columns.map { max(0, min($0 - 1, scalars.count)) })
        let firstCaret = caretIndices.min() ?? 0
        var start = 0
        var end = scalars.count
        if scalars.count > Self.maxWidth {
            start = max(0, min(firstCaret - Self.leadingContext, scalars.count - Self.maxWidth))
            end = min(scalars.count, start + Self.maxWidth)
        }
        var shown = String.UnicodeScalarView(scalars[start..<end])
        var marks = ""
        if start > 0 {
            shown.insert("…", at: shown.startIndex)
            marks += " "
        }
        if end < scalars.count { shown.append("…") }
        let lastCaret = caretIndices.filter { $0 <= end }.max() ?? firstCaret
        if lastCaret >= start {
            for index in start...lastCaret {
                if caretIndices.contains(index) {
                    marks += style.paint("^", caretRole)
                } else {
                    // Tabs stay tabs under the line so the caret lands under the same character.
                    marks += index < scalars.count && scalars[index] == "\t" ? "\t" : " "
                }
            }
        }
        return framed(VisibleText.make(String(shown), keepingTabs: true), marks: marks, style: style)
    }

    /// `render` for a line of printable ASCII (nearly every manifest line), where a byte is a
    /// character and nothing needs replacing: the same output without building the line
    /// scalar by scalar, which made code frames a tenth of a large run.
    func renderPrintableASCII(style: TextStyle, caretRole: TextStyle.Role) -> [String]? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let count = bytes.count
        let caretIndices = Set(columns.map { max(0, min($0 - 1, count)) })
        let firstCaret = caretIndices.min() ?? 0
        var start = 0
        var end = count
        if count > Self.maxWidth {
            start = max(0, min(firstCaret - Self.leadingContext, count - Self.maxWidth))
            end = min(count, start + Self.maxWidth)
        }
        var shown = String(text[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)])
        var marks = ""
        if start > 0 {
            shown = "…" + shown
            marks += " "
        }
        if end < count { shown += "…" }
        let lastCaret = caretIndices.filter { $0 <= end }.max() ?? firstCaret
        if lastCaret >= start {
            for index in start...lastCaret {
                marks += caretIndices.contains(index) ? style.paint("^", caretRole) : " "
            }
        }
        return framed(shown, marks: marks, style: style)
    }

    /// The shown line and its marks, with the line number's gutter when there is one.
    private func framed(_ source: String, marks: String, style: TextStyle) -> [String] {
        guard let lineNumber else { return [source, marks] }
        let number = String(lineNumber)
        let blank = String(repeating: " ", count: number.count)
        return [
            style.paint(" \(number) |", .gutter) + (source.isEmpty ? "" : " " + source),
            style.paint(" \(blank) |", .gutter) + " " + marks,
        ]
    }
}
