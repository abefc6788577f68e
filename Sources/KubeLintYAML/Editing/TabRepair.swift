/// Replaces the tabs libyaml refuses (in indentation, before a comment, on a blank line, after
/// `-`, `?` or `:`) with spaces, where that is unambiguous.
///
/// YAML gives a tab in indentation no width, so the repair tries the widths a tab commonly
/// stands for (2, 4 and 8 columns, and the file's own indentation step): only when every width
/// makes the file parse to the same structure is the tab's width irrelevant, and the repair is
/// made with the file's step. Only lines where libyaml stops are changed, one at a time, so a
/// tab that is content (in a block scalar: a Makefile in a ConfigMap) is never touched.
public enum TabRepair {
    public enum Outcome: Sendable, Equatable {
        /// The edits, one per changed line.
        case repaired([TextEdit])
        /// Tabs are to blame but cannot be replaced safely; why.
        case refused(String)
        /// The file parses, or does not for another reason than a tab.
        case notApplicable
    }

    /// Lines repaired at most, one parse each.
    static let maxRepairs = 1_000

    public static func repair(_ bytes: [UInt8]) -> Outcome {
        guard firstError(bytes).flatMap({ tabEdit(for: $0, in: bytes, width: 2) }) != nil else { return .notApplicable }
        let step = indentationStep(bytes)
        var results: [(width: Int, bytes: [UInt8])] = []
        var refusals: [EditRefusal] = []
        for width in Set([2, 4, 8, step]).sorted() {
            switch repaired(bytes, width: width) {
            case .success(let fixed): results.append((width, fixed))
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        if results.isEmpty, let refusal = refusals.first { return .refused(refusal.reason) }
        let shapes = results.map { YAMLShape.documents(of: SyntaxTree($0.bytes)) }
        guard refusals.isEmpty, shapes.allSatisfy({ $0 == shapes[0] }) else {
            return .refused("how wide a tab is (2, 4 or 8 columns) decides what the file means; indent those lines with spaces by hand")
        }
        let chosen = results.first { $0.width == step }?.bytes ?? results[0].bytes
        return .repaired(lineEdits(from: bytes, to: chosen))
    }

    /// `bytes` with every tab libyaml stops at replaced, a tab in indentation counting `width`
    /// columns; or why not.
    private static func repaired(_ bytes: [UInt8], width: Int) -> Result<[UInt8], EditRefusal> {
        var text = bytes
        for _ in 0..<maxRepairs {
            guard let error = firstError(text) else { return .success(text) }
            guard let edit = tabEdit(for: error, in: text, width: width) else {
                return .failure(EditRefusal("line \(error.mark.line) has another syntax error once the tabs are replaced: \(error.message)"))
            }
            text = TextPatch.apply([edit], to: text)
        }
        return .failure(EditRefusal("more than \(maxRepairs) lines are indented with tabs"))
    }

    /// The edit that removes the tab libyaml stopped at, if a tab is what it stopped at.
    private static func tabEdit(for error: YAMLError, in bytes: [UInt8], width: Int) -> TextEdit? {
        guard error.kind == .syntax else { return nil }
        let layout = SourceLayout(bytes)
        guard let start = lineStart(number: error.mark.line, in: bytes) else { return nil }
        let end = layout.lineEnd(of: start)
        let line = bytes[start..<end]
        let indentationEnd = line.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? end
        if line[start..<indentationEnd].contains(UInt8(ascii: "\t")) {
            if indentationEnd == end {
                // A blank line: its blanks mean nothing.
                return TextEdit(range: start..<end, replacement: [])
            }
            var column = 0
            for byte in line[start..<indentationEnd] {
                column = byte == UInt8(ascii: "\t") ? (column / width + 1) * width : column + 1
            }
            return TextEdit(range: start..<indentationEnd, replacement: Array(repeating: UInt8(ascii: " "), count: column))
        }
        // A tab right after an indicator (`-\tvalue`): separation, which a space is too.
        let tab = start + (error.mark.column - 1)
        guard tab > start, tab < end, bytes[tab] == UInt8(ascii: "\t"),
              [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(bytes[tab - 1]),
              bytes[start..<tab].allSatisfy({ $0 < 0x80 }) else { return nil }
        return TextEdit(range: tab..<(tab + 1), " ")
    }

    /// The first error libyaml reports, without building anything.
    static func firstError(_ bytes: [UInt8]) -> YAMLError? {
        let outcome = bytes.withUnsafeBytes { raw in EventReader.readRaw(raw) { _ in true } }
        if case .failed(let error) = outcome { return error }
        return nil
    }

    private static func lineStart(number: Int, in bytes: [UInt8]) -> Int? {
        let layout = SourceLayout(bytes)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for _ in 1..<max(1, number) {
            let next = layout.nextLineStart(after: start)
            guard next > start, next <= bytes.count else { return nil }
            start = next
        }
        return start
    }

    /// The smallest indentation written with spaces alone, the file's step (2 when none).
    private static func indentationStep(_ bytes: [UInt8]) -> Int {
        let layout = SourceLayout(bytes)
        var smallest = Int.max
        var start = 0
        while start < bytes.count {
            var position = start
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
            let isContent = position < bytes.count && ![UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#")].contains(bytes[position])
            if position > start, isContent { smallest = min(smallest, position - start) }
            let next = layout.nextLineStart(after: start)
            guard next > start else { break }
            start = next
        }
        return smallest == Int.max || smallest > 8 ? 2 : smallest
    }

    /// One edit per line that differs; `repaired` changes no line breaks, so lines pair up.
    private static func lineEdits(from original: [UInt8], to repaired: [UInt8]) -> [TextEdit] {
        let before = SourceLayout(original)
        let after = SourceLayout(repaired)
        var edits: [TextEdit] = []
        var oldStart = 0
        var newStart = 0
        while oldStart < original.count || newStart < repaired.count {
            let oldEnd = before.lineEnd(of: oldStart)
            let newEnd = after.lineEnd(of: newStart)
            if original[oldStart..<oldEnd] != repaired[newStart..<newEnd] {
                edits.append(TextEdit(range: oldStart..<oldEnd, replacement: Array(repaired[newStart..<newEnd])))
            }
            let oldNext = before.nextLineStart(after: oldStart)
            let newNext = after.nextLineStart(after: newStart)
            guard oldNext > oldStart || newNext > newStart else { break }
            oldStart = oldNext
            newStart = newNext
        }
        return edits
    }
}
