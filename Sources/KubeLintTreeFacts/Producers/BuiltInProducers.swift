import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The producer table kubelint ships: what the operators teams commonly run make for their
/// custom resources. Written in the format of the configuration's `producers:` key (see
/// `ProducerReader`) and read with the same reader, once per process.
enum BuiltInProducers {
    /// Where problems in the built-in table are reported (a test keeps it free of them).
    static let file = "<built-in producers>"

    static let parsed: (entries: [Producer], problems: [ConfigurationProblem]) = {
        var entries: [Producer] = []
        var problems: [ConfigurationProblem] = []
        for (part, text) in [("databases", databases), ("messaging", messaging), ("platform", platform), ("secrets", secrets)] {
            var reader = SchemaReader(file: "\(file) \(part)", origin: .configuration)
            if let root = reader.root(of: Array(text.utf8)) {
                if let items = reader.list(Pair(key: root, value: root), part) {
                    entries += ProducerReader.entries(items, place: part, reader: &reader)
                }
            }
            problems += reader.problems
        }
        // Built-in entries carry no configuration position.
        return (entries.map { entry in
            var entry = entry
            entry.mark = nil
            return entry
        }, problems)
    }()

    static var entries: [Producer] { parsed.entries }
}
