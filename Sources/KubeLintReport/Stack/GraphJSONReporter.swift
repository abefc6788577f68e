import KubeLintGraph

/// `kubelint graph --format json`: `{"nodes": [...], "edges": [...]}`. A node is `id`, `kind`,
/// `name`, `namespace`, `status` (`object`, or for a target outside the tree `external`,
/// `platform`, `produced`, `unread`, `missing`), `file` and `line` for an object, `messages` of
/// the findings about a missing one. An edge is `from`, `to`, `kind`, `label`, `status`, where
/// the reference is written, and the `messages` of the findings about it.
package enum GraphJSONReporter {
    package static func render(_ report: StackReport) -> String {
        let drawing = GraphDrawing(report)
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("nodes")
        for node in drawing.nodes {
            json.beginObject()
            json.field("id", .string(node.id))
            json.field("kind", .string(node.kind))
            json.field("name", .string(node.name))
            json.field("namespace", .string(node.namespace.isEmpty ? nil : node.namespace))
            json.field("status", .string(status(node.resolution)))
            if let file = node.file, let line = node.line {
                json.field("file", .string(file))
                json.field("line", .int(line))
            }
            if !node.problems.isEmpty {
                json.beginArray("messages")
                for problem in node.problems { json.element(.string(problem)) }
                json.endArray()
            }
            json.endObject()
        }
        json.endArray()
        json.beginArray("edges")
        for edge in drawing.edges {
            json.beginObject()
            json.field("from", .string(edge.from))
            json.field("to", .string(edge.to))
            json.field("kind", .string(edge.kind.rawValue))
            json.field("label", .string(edge.label))
            json.field("status", .string(status(edge.resolution)))
            json.field("file", .string(edge.file))
            json.field("line", .int(edge.line))
            json.field("column", .int(edge.column))
            json.beginArray("messages")
            for problem in edge.problems { json.element(.string(problem)) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    static func status(_ resolution: ReferenceGraph.Resolution) -> String {
        switch resolution {
        case .object: "object"
        case .external: "external"
        case .platform: "platform"
        case .produced: "produced"
        case .unread: "unread"
        case .missing: "missing"
        }
    }
}
