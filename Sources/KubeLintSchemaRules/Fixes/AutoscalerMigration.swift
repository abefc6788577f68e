import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A HorizontalPodAutoscaler moving from autoscaling/v2beta1 to autoscaling/v2 (or v2beta2),
/// its metrics rewritten as the API server converts them: the metric's name and selector go
/// into `metric`, what it aims at into `target` with its `type` (`targetAverageUtilization: 80`
/// becomes `target: {type: Utilization, averageUtilization: 80}`), and an Object metric's
/// `target` becomes `describedObject`.
enum AutoscalerMigration {
    /// Entries of a metric source that move into one new mapping.
    private struct Group {
        var name: String
        /// The new `type` entry, first in the group.
        var type: String?
        /// Old key → new key, for the entries that are there.
        var members: [(from: String, to: String)]
    }

    static let metrics: APIMigrationFix.FieldChanges = { editor, tree, object throws(EditRefusal) in
        guard let metrics = tree.value(object, path: ["spec", "metrics"]) else { return [] }
        var count = 0
        for metric in tree.items(metrics) {
            let line = tree[metric].start.line
            guard tree[metric].kind == .mapping, let type = tree.value(metric, "type").map(tree.text) else {
                throw EditRefusal("the metric at line \(line) has no type")
            }
            guard let source = tree.value(metric, type.prefix(1).lowercased() + type.dropFirst()), tree[source].kind == .mapping else {
                throw EditRefusal("the \(type) metric at line \(line) has no \(type.lowercased()) settings")
            }
            let has = { (key: String) in tree.value(source, key) != nil }
            let identity = Group(name: "metric", members: [("metricName", "name"), ("selector", "selector"), ("metricSelector", "selector")])
            switch type {
            case "Resource":
                if has("targetAverageUtilization") && has("targetAverageValue") {
                    throw EditRefusal("the Resource metric at line \(line) sets both targetAverageUtilization and targetAverageValue")
                }
                let target = has("targetAverageUtilization")
                    ? Group(name: "target", type: "Utilization", members: [("targetAverageUtilization", "averageUtilization")])
                    : Group(name: "target", type: "AverageValue", members: [("targetAverageValue", "averageValue")])
                try rewrite(source, groups: [target], editor: &editor, tree: tree)
            case "Pods":
                try rewrite(source, groups: [
                    identity, Group(name: "target", type: "AverageValue", members: [("targetAverageValue", "averageValue")]),
                ], editor: &editor, tree: tree)
            case "Object":
                // The old `target` (the object described) is renamed before a new `target` is made.
                if let index = tree.pairs(source).lastIndex(where: { tree.text($0.key) == "target" }) {
                    try editor.renameKey(source, pair: index, to: "describedObject")
                }
                let target = has("averageValue")
                    ? Group(name: "target", type: "AverageValue", members: [("targetValue", "value"), ("averageValue", "averageValue")])
                    : Group(name: "target", type: "Value", members: [("targetValue", "value")])
                try rewrite(source, groups: [identity, target], editor: &editor, tree: tree)
            case "External":
                let target = has("targetValue")
                    ? Group(name: "target", type: "Value", members: [("targetValue", "value"), ("targetAverageValue", "averageValue")])
                    : Group(name: "target", type: "AverageValue", members: [("targetAverageValue", "averageValue")])
                try rewrite(source, groups: [identity, target], editor: &editor, tree: tree)
            default:
                throw EditRefusal("autoscaling/v2beta1 has no \(type) metric (line \(line))")
            }
            count += 1
        }
        return count == 0 ? [] : ["\(count) metric\(count == 1 ? "" : "s") rewritten as metric and target"]
    }

    /// Moves each group's entries into its new mapping; each group must be present.
    private static func rewrite(_ source: SyntaxNode.ID, groups: [Group], editor: inout DocumentEditor, tree: SyntaxTree) throws(EditRefusal) {
        let pairs = tree.pairs(source)
        for group in groups {
            var originals: [(pair: Int, key: String)] = []
            for member in group.members {
                if let index = pairs.lastIndex(where: { tree.text($0.key) == member.from }) { originals.append((index, member.to)) }
            }
            guard !originals.isEmpty else {
                let names = group.members.map(\.from).joined(separator: " or ")
                throw EditRefusal("the metric at line \(tree[source].start.line) has no \(names)")
            }
            originals.sort { $0.pair < $1.pair }
            var items: [DocumentEditor.RunItem] = group.type.map { [.literal(path: [group.name, "type"], value: $0)] } ?? []
            items += originals.map { .original(pair: $0.pair, path: [group.name, $0.key]) }
            try editor.rewrite(source, items: items)
        }
    }
}
