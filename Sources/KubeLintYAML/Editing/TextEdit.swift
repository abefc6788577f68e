/// One change to a file's bytes: `range` replaced by `replacement` (an insertion when `range`
/// is empty). Fixes are lists of these, applied as a patch; nothing is re-emitted.
public struct TextEdit: Sendable, Hashable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: Range<Int>, _ replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: offset..<offset, text)
    }

    /// Whether two edits touch the same bytes, or one inserts inside what the other replaces.
    /// Two insertions at one offset overlap too: their order would be a guess.
    public func overlaps(_ other: TextEdit) -> Bool {
        if range.isEmpty && other.range.isEmpty { return range.lowerBound == other.range.lowerBound }
        if range.isEmpty { return other.range.lowerBound < range.lowerBound && range.lowerBound < other.range.upperBound }
        if other.range.isEmpty { return range.lowerBound < other.range.lowerBound && other.range.lowerBound < range.upperBound }
        return range.overlaps(other.range)
    }
}

public enum TextPatch {
    /// `bytes` with `edits` applied. Edits must not overlap (`TextEdit.overlaps`), except
    /// insertions at one offset, which are applied in the order given.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        let ordered = edits.enumerated().sorted { lhs, rhs in
            (lhs.element.range.lowerBound, lhs.element.range.upperBound, lhs.offset)
                < (rhs.element.range.lowerBound, rhs.element.range.upperBound, rhs.offset)
        }.map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.replacement.count })
        var position = 0
        for edit in ordered {
            let start = max(edit.range.lowerBound, position)
            result.append(contentsOf: bytes[position..<start])
            result.append(contentsOf: edit.replacement)
            position = max(position, edit.range.upperBound)
        }
        result.append(contentsOf: bytes[position...])
        return result
    }
}

/// Lines of a file, in bytes: where a line starts and ends, its line break, its indentation.
/// Line breaks are LF, CRLF and a lone CR, as libyaml reads them.
public struct SourceLayout: Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func lineStart(of offset: Int) -> Int {
        var position = min(offset, bytes.count)
        while position > 0, !isBreak(bytes[position - 1]) { position -= 1 }
        return position
    }

    /// Where the line holding `offset` ends: its line break, or the end of the file.
    public func lineEnd(of offset: Int) -> Int {
        var position = offset
        while position < bytes.count, !isBreak(bytes[position]) { position += 1 }
        return position
    }

    /// The start of the line after the one holding `offset`, or the end of the file.
    public func nextLineStart(after offset: Int) -> Int {
        var position = lineEnd(of: offset)
        if position < bytes.count {
            if bytes[position] == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") {
                position += 2
            } else {
                position += 1
            }
        }
        return position
    }

    /// The line break that ends the line holding `offset`; at the last line, the file's first
    /// line break; `\n` in a file of one line.
    public func lineBreak(near offset: Int) -> String {
        let end = lineEnd(of: offset)
        if let text = lineBreak(at: end) { return text }
        if let first = bytes.firstIndex(where: isBreak), let text = lineBreak(at: first) { return text }
        return "\n"
    }

    private func lineBreak(at position: Int) -> String? {
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "\r") {
            return position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n") ? "\r\n" : "\r"
        }
        return bytes[position] == UInt8(ascii: "\n") ? "\n" : nil
    }

    /// Whether only spaces stand between the start of its line and `offset`.
    public func isFirstOnLine(_ offset: Int) -> Bool {
        bytes[lineStart(of: offset)..<offset].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// Whether the line holding `offset` is empty or only blanks.
    public func isBlankLine(_ offset: Int) -> Bool {
        bytes[lineStart(of: offset)..<lineEnd(of: offset)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Starts of the lines after the one holding `first` that begin before `end`: the further
    /// lines of a value that starts at `first` and ends at `end`.
    public func lineStarts(after first: Int, before end: Int) -> [Int] {
        var starts: [Int] = []
        var position = nextLineStart(after: first)
        while position < end, position < bytes.count {
            starts.append(position)
            position = nextLineStart(after: position)
        }
        return starts
    }

    private func isBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
