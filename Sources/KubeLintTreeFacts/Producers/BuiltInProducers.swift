import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The producer table kubelint ships: what the operators teams commonly run make for their
/// custom resources. Written in the format of the configuration's `producers:` key (see
/// `ProducerReader`) and read with the same reader.
///
/// The table is in four parts, and a run reads only the parts that hold an entry for a kind
/// in its tree: reading all of it cost more than linting the staging tree itself. Which
/// part names which kind is found without reading the YAML, from each entry's first lines
/// (`- group: G` then `kind: K`); a test checks that this agrees with the parts as read.
enum BuiltInProducers {
    /// Where problems in the built-in table are reported (a test keeps it free of them).
    static let file = "<built-in producers>"

    enum Part: Int, CaseIterable, Sendable {
        case databases, messaging, platform, secrets

        var text: String {
            switch self {
            case .databases: BuiltInProducers.databases
            case .messaging: BuiltInProducers.messaging
            case .platform: BuiltInProducers.platform
            case .secrets: BuiltInProducers.secrets
            }
        }

        /// The part's entries, read once per process on first use.
        var parsed: (entries: [Producer], problems: [ConfigurationProblem]) {
            switch self {
            case .databases: BuiltInProducers.parsedDatabases
            case .messaging: BuiltInProducers.parsedMessaging
            case .platform: BuiltInProducers.parsedPlatform
            case .secrets: BuiltInProducers.parsedSecrets
            }
        }
    }

    private static let parsedDatabases = read(.databases)
    private static let parsedMessaging = read(.messaging)
    private static let parsedPlatform = read(.platform)
    private static let parsedSecrets = read(.secrets)

    private static func read(_ part: Part) -> (entries: [Producer], problems: [ConfigurationProblem]) {
        let place = "\(part)"
        var reader = SchemaReader(file: "\(file) \(place)", origin: .configuration)
        var entries: [Producer] = []
        if let root = reader.root(of: Array(part.text.utf8)), let items = reader.list(Pair(key: root, value: root), place) {
            entries = ProducerReader.entries(items, place: place, reader: &reader)
        }
        // Built-in entries carry no configuration position.
        return (entries.map { entry in
            var entry = entry
            entry.mark = nil
            return entry
        }, reader.problems)
    }

    /// The parts that name each kind, with the group they name it in (`kind → [(group,
    /// part)]`), from the entries' first lines. Read as bytes: the same scan over Characters
    /// cost as much as reading the part.
    static let partsByKind: [String: [(group: String, part: Part)]] = {
        var parts: [String: [(group: String, part: Part)]] = [:]
        for part in Part.allCases {
            var group: String?
            for line in Array(part.text.utf8).split(separator: UInt8(ascii: "\n")) {
                let text = line.drop { $0 == UInt8(ascii: " ") }
                if let value = value(of: "- group: ", in: text) {
                    group = value
                } else if let entryGroup = group, let kind = value(of: "kind: ", in: text) {
                    parts[kind, default: []].append((entryGroup, part))
                    group = nil
                }
            }
        }
        return parts
    }()

    /// The parts with entries across kinds or groups (`*`): conventions of custom resources.
    private static let partsAcrossKinds = Set(partsByKind.flatMap { kind, named in
        named.filter { kind == "*" || $0.group == "*" }.map(\.part)
    })

    /// The value after `key` on a line that starts with it, without quotes.
    private static func value(of key: String, in line: ArraySlice<UInt8>) -> String? {
        guard line.starts(with: key.utf8) else { return nil }
        let isPadding = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\"") }
        var value = line.dropFirst(key.utf8.count).drop(while: isPadding)
        while let last = value.last, isPadding(last) { value.removeLast() }
        return String(decoding: value, as: UTF8.self)
    }

    /// The entries that can apply to `objects`: the parts naming one of their kinds, and for
    /// custom resources the parts with entries across kinds. By kind first: most objects are of
    /// kinds no part names, and their group is a string to make.
    static func entries(for objects: [Resource]) -> [Producer] {
        var needed: Set<Part> = []
        for object in objects {
            guard let kind = object.kind?.value else { continue }
            let named = partsByKind[kind]
            let isCustom: Bool
            if case .generic = object.body { isCustom = true } else { isCustom = false }
            guard named != nil || isCustom, let group = object.group else { continue }
            for entry in named ?? [] where entry.group == group {
                needed.insert(entry.part)
            }
            if isCustom, !group.isEmpty { needed.formUnion(partsAcrossKinds) }
        }
        return Part.allCases.filter(needed.contains).flatMap { $0.parsed.entries }
    }

    /// The whole table, every part read.
    static var all: (entries: [Producer], problems: [ConfigurationProblem]) {
        Part.allCases.reduce(into: ([], [])) { all, part in
            all.entries += part.parsed.entries
            all.problems += part.parsed.problems
        }
    }
}
