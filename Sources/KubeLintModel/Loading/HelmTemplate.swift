#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KubeLintYAML

/// Recognises a Helm chart template by its text: parsed as YAML, a template gives syntax
/// errors (`{{- if ... }}` lines) or objects whose values are template actions
/// (`name: {{ .Values.name }}`), neither of which says what is wrong.
///
/// Manifests hold Go template actions too, as data: Prometheus rule annotations
/// (`{{ $labels.instance }}`), Alertmanager and Grafana templates, Argo and Kyverno variables.
/// So an action counts only when it uses what Helm alone provides: its built-in objects
/// (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Files`, `.Template`, also as
/// `$.Values`) or its own functions (`include`, `tpl`, `toYaml`, `required`, `lookup`). Even
/// those are data in a value that a chart renders with `tpl` (a Flux HelmRelease's `values`),
/// so `Loader.decode` decides with what the YAML parses to (`isTemplate`).
enum HelmTemplate {
    /// Whether a file with Helm's actions is a chart's template rather than data: it does not
    /// parse; or it holds objects and either sits in a chart's `templates/` directory or has a
    /// mapping key that is not a scalar, which is what YAML makes of an unquoted action
    /// (`name: {{ include "web.name" . }}` is a flow mapping used as a key). Quoted, or in a
    /// block scalar, an action is text, which a manifest may hold as data.
    static func isTemplate(_ stream: YAMLStream, path: String, content: FileContent) -> Bool {
        if stream.error != nil { return true }
        guard content == .manifests else { return false }
        if path.hasPrefix("templates/") || path.contains("/templates/") { return true }
        return stream.documents.contains { document in document.root.map(hasCollectionKey) ?? false }
    }

    /// Whether some mapping under `root` has a mapping or a list as a key. Iterative: depth is
    /// bounded by the parser's limits, not by the stack. Runs only for files with Helm's
    /// actions.
    private static func hasCollectionKey(_ root: Node) -> Bool {
        var pending = [root]
        while let node = pending.popLast() {
            if let pairs = node.pairs {
                for pair in pairs {
                    if pair.key.kind != .scalar { return true }
                    pending.append(pair.value)
                }
            } else if let items = node.items {
                pending.append(contentsOf: items)
            }
        }
        return false
    }

    /// The byte offset of the first `{{` that opens an action using Helm's objects or
    /// functions; nil when there is none.
    static func firstAction(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { text in
            var index = 0
            let count = text.count
            while index + 1 < count {
                // memchr: most files have no `{` at all, and this runs over every byte of the tree.
                guard let base = text.baseAddress, let brace = memchr(base + index, Int32(openBrace), count - index) else { return nil }
                index = base.distance(to: brace.assumingMemoryBound(to: UInt8.self))
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
