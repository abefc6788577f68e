import KubeLintModel
import KubeLintYAML

/// The comments of a YAML file, found in its text (libyaml does not report comments).
///
/// A `#` starts a comment where libyaml would read one: at the start of a line or after a space
/// or tab, and outside every quoted scalar and the content of every block scalar (`|`, `>`),
/// whose text may hold `#` freely. Where the scalars are comes from parsing the file: each
/// quoted scalar from its opening quote to its closing one, each block scalar from the line
/// after its header while lines keep its indentation.
struct YAMLComments {
    struct Comment {
        /// 1-based line and column of the `#`.
        var line: Int
        var column: Int
        /// What follows the `#` up to the end of the line.
        var text: Substring
        /// True when something other than blanks precedes the `#` on its line.
        var followsContent: Bool
    }

    /// The lines of the file as characters (a leading byte order mark removed, as libyaml's
    /// columns do), index 0 for line 1.
    let lines: [[Unicode.Scalar]]
    private(set) var comments: [Comment] = []

    init(_ bytes: [UInt8]) {
        lines = Self.split(bytes)
        let spans = ScalarSpans(bytes: bytes, lines: lines)
        for (index, line) in lines.enumerated() {
            var column = 0
            while column < line.count {
                let character = line[column]
                let position = TextPosition(line: index + 1, column: column + 1)
                if character == "#", column == 0 || line[column - 1] == " " || line[column - 1] == "\t", !spans.contains(position) {
                    // Past a syntax error the scalars are unknown: a `#` there may be text.
                    if let limit = spans.readableBefore, position >= limit { break }
                    let before = line[..<column]
                    let text = String(String.UnicodeScalarView(line[(column + 1)...]))
                    comments.append(Comment(
                        line: index + 1, column: column + 1, text: Substring(text),
                        followsContent: !before.allSatisfy { $0 == " " || $0 == "\t" }
                    ))
                    break
                }
                column += 1
            }
        }
    }

    /// Splits on LF, CR and CRLF, as kubelint's code frames do. (libyaml also breaks lines at
    /// NEL, LS and PS; a file using those gets line numbers the comments do not match.)
    static func split(_ bytes: [UInt8]) -> [[Unicode.Scalar]] {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [[Unicode.Scalar]] = []
        var index = start
        func close(_ end: Int) {
            lines.append(Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                close(index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                start = index + 1
            }
            index += 1
        }
        close(bytes.count)
        return lines
    }
}

/// A 1-based line and column.
struct TextPosition: Comparable, Hashable {
    var line: Int
    var column: Int

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where the file's quoted scalars and block scalar contents are, as sorted, disjoint ranges.
struct ScalarSpans {
    private var spans: [ClosedRange<TextPosition>] = []
    /// When the file does not parse: where the construct that failed starts (an unterminated
    /// quote, say). From there on nothing is known about scalars.
    private(set) var readableBefore: TextPosition?

    init(bytes: [UInt8], lines: [[Unicode.Scalar]]) {
        let stream = YAMLParser.parse(bytes)
        if let error = stream.error {
            let mark = error.contextMark.map { min($0, error.mark) } ?? error.mark
            readableBefore = TextPosition(line: mark.line, column: mark.column)
        }
        // Aliases are copies sharing their anchor's position: each written node is visited once.
        var seen: Set<SeenNode> = []
        var pending: [(node: Node, parentIndent: Int)] = stream.documents.compactMap { document in
            document.root.map { ($0, -1) }
        }
        while let (node, parentIndent) = pending.popLast() {
            guard seen.insert(SeenNode(mark: node.start, kind: node.kind)).inserted else { continue }
            switch node.content {
            case .scalar(let scalar):
                if let span = Self.span(of: scalar, at: node.start, parentIndent: parentIndent, lines: lines) {
                    spans.append(span)
                }
            case .sequence(let items):
                pending += items.map { ($0, node.start.column - 1) }
            case .mapping(let pairs):
                for pair in pairs {
                    pending.append((pair.key, parentIndent))
                    pending.append((pair.value, pair.key.start.column - 1))
                }
            }
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
    }

    private struct SeenNode: Hashable {
        var mark: Mark
        var kind: Node.Kind
    }

    /// Whether `position` lies inside a scalar.
    func contains(_ position: TextPosition) -> Bool {
        // The last span starting at or before the position is the only one that can hold it.
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lowerBound <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 && spans[low - 1].contains(position)
    }

    private static func span(of scalar: Scalar, at mark: Mark, parentIndent: Int, lines: [[Unicode.Scalar]]) -> ClosedRange<TextPosition>? {
        let start = TextPosition(line: mark.line, column: mark.column)
        switch scalar.style {
        case .plain:
            // A plain scalar ends before ` #`: it never holds a comment marker.
            return nil
        case .singleQuoted, .doubleQuoted:
            return start...closingQuote(from: start, double: scalar.style == .doubleQuoted, lines: lines)
        case .literal, .folded:
            return blockContent(header: start, parentIndent: parentIndent, lines: lines)
        }
    }

    /// The position of the quote that closes the scalar opened at `start` (the end of the file
    /// if none does: libyaml has then reported the file).
    private static func closingQuote(from start: TextPosition, double: Bool, lines: [[Unicode.Scalar]]) -> TextPosition {
        var line = start.line - 1
        var column = start.column  // just after the opening quote (0-based index)
        while line < lines.count {
            let text = lines[line]
            while column < text.count {
                let character = text[column]
                if double {
                    if character == "\\" {
                        column += 2
                        continue
                    }
                    if character == "\"" { return TextPosition(line: line + 1, column: column + 1) }
                } else if character == "'" {
                    if column + 1 < text.count, text[column + 1] == "'" {
                        column += 2
                        continue
                    }
                    return TextPosition(line: line + 1, column: column + 1)
                }
                column += 1
            }
            line += 1
            column = 0
        }
        return TextPosition(line: Int.max, column: Int.max)
    }

    /// The lines of a block scalar's content: from the line after the header while lines are
    /// blank or indented at least as much as the content (the indentation indicator, or the
    /// first non-blank line's indentation, which must exceed the parent's).
    private static func blockContent(header: TextPosition, parentIndent: Int, lines: [[Unicode.Scalar]]) -> ClosedRange<TextPosition>? {
        guard header.line >= 1, header.line <= lines.count else { return nil }
        let headerText = lines[header.line - 1]
        // After `|` or `>`: an optional indentation digit and chomping sign, in either order.
        var indent: Int?
        var index = header.column
        while index < headerText.count, index <= header.column + 1 {
            let character = headerText[index]
            if character == "+" || character == "-" {
                index += 1
            } else if let digit = Int(String(character)), digit > 0 {
                indent = parentIndent + digit
                index += 1
            } else {
                break
            }
        }
        var last: Int?
        var line = header.line  // 0-based index of the line after the header
        while line < lines.count {
            let text = lines[line]
            let leading = text.prefix { $0 == " " }.count
            let blank = text.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank {
                if indent == nil {
                    guard leading > parentIndent else { break }
                    indent = leading
                }
                if let indent, leading < indent { break }
            }
            last = line + 1
            line += 1
        }
        guard let last else { return nil }
        return TextPosition(line: header.line + 1, column: 1)...TextPosition(line: last, column: Int.max)
    }
}
