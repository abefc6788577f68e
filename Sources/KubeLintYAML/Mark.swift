/// A position in a YAML source, as libyaml reports it.
///
/// `line` and `column` are 1-based, the way editors and compilers show them; libyaml counts
/// columns in characters (Unicode scalars), not bytes, and treats CRLF as one line break.
/// `offset` is libyaml's character index from the start of the stream.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int = 0, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The start of a stream.
    public static let start = Mark(offset: 0, line: 1, column: 1)

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
