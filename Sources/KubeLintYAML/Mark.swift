/// A position in a YAML source, as libyaml reports it.
///
/// `line` and `column` are 1-based, the way editors and compilers show them; libyaml counts
/// columns in characters (Unicode scalars), not bytes, and treats CRLF as one line break.
/// `offset` is libyaml's character index from the start of the stream.
///
/// Stored in 32 bits each (inputs are far below 4 GiB; larger values are clamped): every
/// decoded field carries one or two marks, so their size is a good part of kubelint's memory.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedOffset: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(offset: Int = 0, line: Int, column: Int) {
        storedOffset = UInt32(clamping: offset)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// The start of a stream.
    public static let start = Mark(offset: 0, line: 1, column: 1)

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}
