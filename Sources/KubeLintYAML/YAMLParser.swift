import CYAML

/// Reads a YAML stream through libyaml's event API and builds node trees with positions.
///
/// The build is iterative (an explicit stack of open collections), so nesting depth costs heap,
/// not call stack, and is bounded by `YAMLLimits.maxDepth` before anything recursive sees it.
public enum YAMLParser {
    public static func parse(_ text: String, limits: YAMLLimits = .default) -> YAMLStream {
        parse(Array(text.utf8), limits: limits)
    }

    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLStream {
        bytes.withUnsafeBufferPointer { buffer in
            parse(UnsafeRawBufferPointer(buffer), limits: limits, source: bytes)
        }
    }

    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: YAMLLimits = .default) -> YAMLStream {
        parse(bytes, limits: limits, source: nil)
    }

    /// `source`, when given, is `bytes` as an array the nodes may keep and point into.
    private static func parse(_ bytes: UnsafeRawBufferPointer, limits: YAMLLimits, source: [UInt8]?) -> YAMLStream {
        var builder = StreamBuilder(limits: limits, expectedBytes: bytes.count, source: source)
        var start = EventReader.Start.beginning
        while true {
            let outcome = EventReader.readRaw(bytes, from: start) { event in
                builder.handle(event)
            }
            guard case .failed(let error) = outcome else { break }
            if let next = nextJSONValue(after: error, in: bytes) {
                start = next
                continue
            }
            builder.fail(error)
            break
        }
        return builder.finish()
    }

    /// A stream of JSON objects written one after another (`{…}{…}`, or one per line) is one
    /// document per object, as `kubectl apply` reads it (a stream whose first character is `{`
    /// is JSON to kubectl). YAML needs `---` between documents, so libyaml stops at the second
    /// `{` with "did not find expected <document start>": reading goes on from there, with
    /// positions counted from the start of the file.
    private static func nextJSONValue(after error: YAMLError, in bytes: UnsafeRawBufferPointer) -> EventReader.Start? {
        guard error.kind == .syntax, error.message == "did not find expected <document start>",
              EventReader.firstContentByte(of: bytes) == UInt8(ascii: "{") else { return nil }
        let offset = EventReader.byteOffset(ofCharacter: error.mark.offset, in: bytes)
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { return nil }
        return EventReader.Start(byte: offset, mark: error.mark)
    }

    /// Line and column of a byte offset, counted the way libyaml counts marks.
    public static func position(ofByte offset: Int, in bytes: [UInt8]) -> Mark {
        bytes.withUnsafeBytes { EventReader.position(ofByte: offset, in: $0) }
    }

    /// Runs libyaml's event loop and nothing else: the floor that kubelint's own cost is
    /// measured against. Returns the number of events, or nil when libyaml stopped with an error.
    public static func countEvents(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var count = 0
        let outcome = EventReader.readRaw(bytes) { _ in
            count += 1
            return true
        }
        if case .failed = outcome { return nil }
        return count
    }
}

enum ReadOutcome {
    case finished
    case stopped
    case failed(YAMLError)
}

/// A thin, safe loop over `yaml_parser_parse`.
enum EventReader {
    /// Where reading starts: a byte offset into the input and the position it stands at.
    struct Start {
        var byte: Int
        var mark: Mark

        static let beginning = Start(byte: 0, mark: .start)
    }

    static func readRaw(
        _ bytes: UnsafeRawBufferPointer,
        from start: Start = .beginning,
        _ handle: (UnsafePointer<yaml_event_t>) -> Bool
    ) -> ReadOutcome {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            return .failed(YAMLError(kind: .reader, message: "libyaml could not start (out of memory)", mark: .start))
        }
        defer { yaml_parser_delete(parser) }
        // libyaml wants a non-null pointer even for empty input.
        let empty: [UInt8] = [0]
        return empty.withUnsafeBufferPointer { emptyBuffer in
            let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyBuffer.baseAddress!
            yaml_parser_set_input_string(parser, base + start.byte, bytes.count - start.byte)
            if start.byte > 0 {
                // libyaml counts positions from where its input starts: tell it where that is.
                parser.pointee.mark = yaml_mark_t(index: start.mark.offset, line: start.mark.line - 1, column: start.mark.column - 1)
            }
            while true {
                guard yaml_parser_parse(parser, event) == 1 else {
                    return .failed(error(of: parser, bytes: bytes, inputStart: start.byte))
                }
                defer { yaml_event_delete(event) }
                if event.pointee.type == YAML_STREAM_END_EVENT { return .finished }
                if !handle(UnsafePointer(event)) { return .stopped }
            }
        }
    }

    static func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(offset: Int(mark.index), line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func error(of parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeRawBufferPointer, inputStart: Int) -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "libyaml reported an error without a message"
        switch state.error {
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark: find the line and column ourselves.
            var message = problem
            if state.problem_value != -1 {
                message += " (byte 0x\(String(UInt32(bitPattern: state.problem_value), radix: 16)))"
            }
            return YAMLError(kind: .reader, message: message, mark: position(ofByte: inputStart + Int(state.problem_offset), in: bytes))
        case YAML_MEMORY_ERROR:
            return YAMLError(kind: .reader, message: "libyaml ran out of memory", mark: mark(state.problem_mark))
        default:
            let context = state.context.map { String(cString: $0) }
            return YAMLError(
                kind: .syntax,
                message: problem,
                mark: mark(state.problem_mark),
                context: context,
                contextMark: context == nil ? nil : mark(state.context_mark)
            )
        }
    }

    /// The first byte that is not a byte order mark or white space, if any.
    static func firstContentByte(of bytes: UnsafeRawBufferPointer) -> UInt8? {
        var index = hasByteOrderMark(bytes) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    /// The byte offset of libyaml's character index `character` (the inverse of `position`).
    static func byteOffset(ofCharacter character: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var index = hasByteOrderMark(bytes) ? 3 : 0
        var characters = 0
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if characters == character { return index }
                characters += 1
            }
            index += 1
        }
        return index
    }

    private static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Line and column (in characters) of a byte offset, counting line breaks as libyaml does.
    static func position(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> Mark {
        var line = 1
        var column = 1
        var characters = 0
        var index = 0
        let end = min(offset, bytes.count)
        // A UTF-8 byte order mark is not part of the text.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, end >= 3 {
            index = 3
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != UInt8(ascii: "\r") {
                column += 1
            }
            if byte & 0xC0 != 0x80 { characters += 1 }
            index += 1
        }
        return Mark(offset: characters, line: line, column: column)
    }
}
