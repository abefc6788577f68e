import KubeLintModel
/// A path pattern of the configuration (`exclude`, `ignore[].path`), matched against paths
/// relative to the configuration file's directory.
///
/// `*` matches any characters within one path segment, `?` one character, and a `**` segment
/// any number of segments (none included). A pattern without a `/` matches a file or
/// directory name at any depth, as in `.gitignore`: `kustomization.yaml` is
/// `**/kustomization.yaml`. A leading `/` only anchors the pattern; a trailing `/` is ignored.
package struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    package let pattern: String
    private let segments: [Segment]

    private enum Segment: Sendable, Hashable {
        case anyDepth
        case name([Unicode.Scalar])
    }

    /// Why a pattern cannot be used, for the configuration's problem message; nil when it can.
    package static func problem(with pattern: String) -> String? {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        if parts.isEmpty { return "is empty" }
        if parts.contains("..") { return "leaves the configuration's directory ('..')" }
        return nil
    }

    package init?(_ pattern: String) {
        guard Self.problem(with: pattern) == nil else { return nil }
        self.pattern = pattern
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        var segments: [Segment] = parts.map { $0 == "**" ? .anyDepth : .name(Array($0.unicodeScalars)) }
        let trimmed = pattern.hasSuffix("/") ? pattern.dropLast() : Substring(pattern)
        if !trimmed.contains("/"), segments.first != .anyDepth {
            segments.insert(.anyDepth, at: 0)
        }
        self.segments = segments
    }

    package var description: String { pattern }

    /// Whether `relativePath` (segments separated by `/`, relative to the configuration's
    /// directory) matches the whole pattern.
    package func matches(_ relativePath: String) -> Bool {
        let path = relativePath.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map { Array($0.unicodeScalars) }
        return Self.match(segments[...], path[...])
    }

    /// Whether `relativePath` or one of the directories above it matches: what a pattern naming
    /// a directory covers.
    package func covers(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty else { return false }
        let path = parts.map { Array($0.unicodeScalars) }
        for length in 1...path.count where Self.match(segments[...], path[..<length]) {
            return true
        }
        return false
    }

    /// Whether `name` matches a one-segment pattern with `*` and `?` wildcards (object names
    /// and namespaces of `ignore` entries).
    package static func matchesName(_ pattern: String, _ name: String) -> Bool {
        matchName(Array(pattern.unicodeScalars), Array(name.unicodeScalars))
    }

    /// Segment-level matching: `**` may stand for any run of segments. Greedy with one
    /// backtracking point, like the classic wildcard algorithm, so the cost stays
    /// pattern length × path length.
    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        var p = pattern.startIndex
        var s = path.startIndex
        var star: (pattern: Int, path: Int)?
        while s < path.endIndex {
            if p < pattern.endIndex, case .name(let name) = pattern[p], matchName(name, path[s]) {
                p += 1
                s += 1
            } else if p < pattern.endIndex, pattern[p] == .anyDepth {
                star = (p, s)
                p += 1
            } else if let backtrack = star {
                p = backtrack.pattern + 1
                s = backtrack.path + 1
                star = (backtrack.pattern, backtrack.path + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == .anyDepth { p += 1 }
        return p == pattern.endIndex
    }

    /// Character-level matching within one segment: `*` any run, `?` one character.
    private static func matchName(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
        var p = 0
        var n = 0
        var star: (pattern: Int, name: Int)?
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                star = (p, n)
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if let backtrack = star {
                p = backtrack.pattern + 1
                n = backtrack.name + 1
                star = (backtrack.pattern, backtrack.name + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
