import KubeLintModel

/// The lines of one source file, found in one pass, so a report with many findings in a large
/// file does not rescan the file from the top for each code frame. Lines are split as
/// `SourceFile.line(_:)` splits them (LF, CR or CRLF; a leading BOM is not part of line 1).
struct SourceLines {
    private let bytes: [UInt8]
    /// Start and end (exclusive, before the line break) of each line.
    private var ranges: [Range<Int>] = []

    init(_ file: SourceFile) {
        bytes = file.bytes
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ranges.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        ranges.append(start..<bytes.count)
    }

    /// The text of a 1-based line, without its line break; nil outside the file.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= ranges.count else { return nil }
        return Substring(String(decoding: bytes[ranges[number - 1]], as: UTF8.self))
    }
}
