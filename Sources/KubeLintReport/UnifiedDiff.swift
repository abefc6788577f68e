/// The unified diff between two versions of a file (`diff -u`, as `git apply` and `patch -p1`
/// read it), for `kubelint fix --dry-run`. Lines keep their own line breaks, so a CRLF file's
/// diff applies to it; a last line without a break is marked `\ No newline at end of file`.
package enum UnifiedDiff {
    /// Empty when the two are equal. `path` names the file in the `---`/`+++` header, under
    /// `a/` and `b/` when it is relative.
    package static func render(path: String, original: [UInt8], fixed: [UInt8], context: Int = 3) -> String {
        guard original != fixed else { return "" }
        let old = lines(original)
        let new = lines(fixed)
        let operations = difference(old, new)
        let relative = !path.hasPrefix("/")
        var output = "--- \(relative ? "a/" : "")\(path)\n+++ \(relative ? "b/" : "")\(path)\n"
        for hunk in hunks(operations, context: context) {
            output += hunk.header
            for operation in operations[hunk.range] {
                switch operation {
                case .same(let oldIndex, _): output += line(" ", old[oldIndex])
                case .removed(let oldIndex): output += line("-", old[oldIndex])
                case .added(let newIndex): output += line("+", new[newIndex])
                }
            }
        }
        return output
    }

    enum Operation: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    private struct Hunk {
        var range: Range<Int>
        var header: String
    }

    /// The file's lines, each with its line break (LF, CRLF or a lone CR).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                result.append(bytes[start...index])
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func line(_ prefix: String, _ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let ends = bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r")
        return prefix + text + (ends ? (bytes.last == UInt8(ascii: "\r") ? "\n" : "") : "\n\\ No newline at end of file\n")
    }

    /// The shortest edit script (Myers' O(ND) algorithm) after taking off the common start and
    /// end: fixes change few lines, so D stays small even in large files.
    static func difference(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        var operations = (0..<prefix).map { Operation.same($0, $0) }
        for operation in myers(oldMiddle, newMiddle) {
            switch operation {
            case .same(let oldIndex, let newIndex): operations.append(.same(oldIndex + prefix, newIndex + prefix))
            case .removed(let oldIndex): operations.append(.removed(oldIndex + prefix))
            case .added(let newIndex): operations.append(.added(newIndex + prefix))
            }
        }
        let oldEnd = old.count - suffix
        let newEnd = new.count - suffix
        operations += (0..<suffix).map { Operation.same(oldEnd + $0, newEnd + $0) }
        return operations
    }

    private static func myers(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Operation] {
        let n = old.count
        let m = new.count
        let maximum = n + m
        guard maximum > 0 else { return [] }
        let offset = maximum
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        // The frontier as each round began, diagonals -depth...depth only: D² in all, where a
        // copy of the whole frontier per round would be D × (N + M).
        var trace: [[Int]] = []
        search: for depth in 0...maximum {
            trace.append(Array(frontier[(offset - depth)...(offset + depth)]))
            for diagonal in stride(from: -depth, through: depth, by: 2) {
                var x: Int
                if diagonal == -depth || (diagonal != depth && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1]) {
                    x = frontier[offset + diagonal + 1]
                } else {
                    x = frontier[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back through the recorded frontiers.
        var operations: [Operation] = []
        var x = n
        var y = m
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[depth]
            let previous = { (diagonal: Int) in saved[diagonal + depth] }
            let diagonal = x - y
            let previousDiagonal: Int
            if diagonal == -depth || (diagonal != depth && previous(diagonal - 1) < previous(diagonal + 1)) {
                previousDiagonal = diagonal + 1
            } else {
                previousDiagonal = diagonal - 1
            }
            let previousX = depth == 0 ? 0 : previous(previousDiagonal)
            let previousY = previousX - previousDiagonal
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                operations.append(.same(x, y))
            }
            if depth > 0 {
                if x == previousX { operations.append(.added(previousY)) } else { operations.append(.removed(previousX)) }
            }
            x = previousX
            y = previousY
        }
        return operations.reversed()
    }

    /// Groups the changes with `context` unchanged lines around them, merging groups that touch.
    private static func hunks(_ operations: [Operation], context: Int) -> [Hunk] {
        let changed = operations.indices.filter { if case .same = operations[$0] { false } else { true } }
        guard let first = changed.first else { return [] }
        var ranges: [Range<Int>] = []
        var start = max(0, first - context)
        var end = min(operations.count, first + context + 1)
        for index in changed.dropFirst() {
            if index - context <= end {
                end = min(operations.count, index + context + 1)
            } else {
                ranges.append(start..<end)
                start = index - context
                end = min(operations.count, index + context + 1)
            }
        }
        ranges.append(start..<end)
        return ranges.map { range in
            var oldStart: Int?
            var newStart: Int?
            var oldCount = 0
            var newCount = 0
            for operation in operations[range] {
                switch operation {
                case .same(let oldIndex, let newIndex):
                    oldStart = oldStart ?? oldIndex
                    newStart = newStart ?? newIndex
                    oldCount += 1
                    newCount += 1
                case .removed(let oldIndex):
                    oldStart = oldStart ?? oldIndex
                    oldCount += 1
                case .added(let newIndex):
                    newStart = newStart ?? newIndex
                    newCount += 1
                }
            }
            // An empty side is numbered by the line before it, as diff does.
            let oldLine = oldCount == 0 ? (oldStart ?? position(before: range, in: operations, old: true)) : (oldStart ?? 0) + 1
            let newLine = newCount == 0 ? (newStart ?? position(before: range, in: operations, old: false)) : (newStart ?? 0) + 1
            return Hunk(range: range, header: "@@ -\(span(oldLine, oldCount)) +\(span(newLine, newCount)) @@\n")
        }
    }

    /// The number of lines of one side before `range` starts.
    private static func position(before range: Range<Int>, in operations: [Operation], old: Bool) -> Int {
        operations[..<range.lowerBound].reduce(0) { count, operation in
            switch operation {
            case .same: count + 1
            case .removed: old ? count + 1 : count
            case .added: old ? count : count + 1
            }
        }
    }

    private static func span(_ line: Int, _ count: Int) -> String {
        count == 1 ? "\(line)" : "\(line),\(count)"
    }
}
