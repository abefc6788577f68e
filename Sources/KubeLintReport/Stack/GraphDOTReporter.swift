import KubeLintGraph

/// `kubelint graph --format dot`: Graphviz DOT (`dot -Tsvg`). The same picture as the Mermaid
/// one: shapes by kind, host references dashed, what the tree lacks dashed (red, with the
/// finding's message, when it exists nowhere), edges a finding is about in red.
package enum GraphDOTReporter {
    package static func render(_ report: StackReport) -> String {
        let drawing = GraphDrawing(report)
        var lines = [
            "digraph kubelint {",
            "  rankdir=LR;",
            "  node [shape=box, fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for node in drawing.nodes {
            var label = drawing.title(of: node)
            if let note = drawing.note(of: node) { label += "\n" + note }
            var attributes = ["label=\(quoted(label))", "shape=\(shape(of: node))"]
            switch node.resolution {
            case .object: break
            case .missing: attributes += ["style=dashed", "color=red", "fontcolor=red"]
            default: attributes += ["style=dashed", "color=gray40", "fontcolor=gray40"]
            }
            lines.append("  \(node.id) [\(attributes.joined(separator: ", "))];")
        }
        for edge in drawing.edges {
            var label = edge.label
            var attributes: [String] = []
            if edge.kind == .host { attributes.append("style=dashed") }
            if !edge.problems.isEmpty || edge.resolution == .missing {
                if edge.resolution != .missing { label = ([label].filter { !$0.isEmpty } + edge.problems).joined(separator: "\n") }
                attributes += ["color=red", "fontcolor=red"]
            }
            if !label.isEmpty { attributes.insert("label=\(quoted(label))", at: 0) }
            lines.append("  \(edge.from) -> \(edge.to)" + (attributes.isEmpty ? ";" : " [\(attributes.joined(separator: ", "))];"))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func shape(of node: GraphDrawing.Node) -> String {
        switch node.kind {
        case "Ingress": "hexagon"
        case "Service": "ellipse"
        case "ConfigMap", "Secret": "note"
        case "PersistentVolumeClaim": "cylinder"
        case "HorizontalPodAutoscaler": "diamond"
        default: "box"
        }
    }

    /// A DOT string: backslashes and quotes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
