#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises a Helm chart template by its text: parsed as YAML, a template gives syntax
/// errors (`{{- if ... }}` lines) or objects whose values are template actions
/// (`name: {{ .Values.name }}`), neither of which says what is wrong. (A file with such actions
/// that parses to no object at all is not a template but values for `tpl`: `Loader.decode`.)
///
/// Manifests hold Go template actions too, as data: Prometheus rule annotations
/// (`{{ $labels.instance }}`), Alertmanager and Grafana templates, Argo and Kyverno variables.
/// So an action makes a template only when it uses what Helm alone provides: its built-in
/// objects (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Files`, `.Template`, also as
/// `$.Values`) or its own functions (`include`, `tpl`, `toYaml`, `required`, `lookup`).
enum HelmTemplate {
    /// The byte offset of the first `{{` that opens an action using Helm's objects or
    /// functions; nil when there is none.
    static func firstAction(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { text in
            var index = 0
            let count = text.count
            while index + 1 < count {
                // memchr: most files have no `{` at all, and this runs over every byte of the tree.
                guard let base = text.baseAddress, let found = memchr(base + index, Int32(openBrace), count - index) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + 1 < count, text[index + 1] == openBrace else {
                    index += 1
                    continue
                }
                let start = index
                let bodyStart = index + 2
                // Actions are short; one that does not close soon is not an action.
                let limit = min(count - 1, bodyStart + maximumActionLength)
                var end = bodyStart
                while end < limit, !(text[end] == closeBrace && text[end + 1] == closeBrace) { end += 1 }
                if end < limit, usesHelm(UnsafeBufferPointer(rebasing: text[bodyStart..<end])) { return start }
                index = bodyStart
            }
            return nil
        }
    }

    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let maximumActionLength = 4096

    private static let builtInObjects: [[UInt8]] = ["Values", "Release", "Chart", "Capabilities", "Files", "Template"].map { Array($0.utf8) }
    private static let functions: [[UInt8]] = ["include", "tpl", "toYaml", "required", "lookup"].map { Array($0.utf8) }

    /// Whether an action's text names a built-in object after a `.` that starts a field chain
    /// (`.Values.x`, `$.Release.Name`, `(.Files.Get "x")`), or calls one of Helm's functions
    /// as a word of its own.
    private static func usesHelm(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < action.count {
            let byte = action[index]
            let previous: UInt8? = index > 0 ? action[index - 1] : nil
            if byte == UInt8(ascii: "."), previous.map(startsFieldChain) ?? true,
               builtInObjects.contains(where: { word($0, at: index + 1, in: action) }) {
                return true
            }
            if isWordByte(byte), previous.map({ !isWordByte($0) && $0 != UInt8(ascii: ".") }) ?? true,
               functions.contains(where: { word($0, at: index, in: action) }) {
                return true
            }
            index += 1
        }
        return false
    }

    /// A `.` after these begins a chain from the root context (`.Values`), not a field of
    /// something else (`$labels.Values`).
    private static func startsFieldChain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "("),
             UInt8(ascii: "$"), UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// Whether `word` stands at `index` in `text` and ends there (no letter, digit or `_` after it).
    private static func word(_ word: [UInt8], at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + word.count <= text.count else { return false }
        for offset in word.indices where text[index + offset] != word[offset] { return false }
        let after = index + word.count
        return after == text.count || !isWordByte(text[after])
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
