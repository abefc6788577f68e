import KubeLintGraph

/// `kubelint graph --format mermaid`: a flowchart GitHub renders in markdown. Ingresses are
/// hexagons, Services stadiums, workloads rectangles, ConfigMaps and Secrets parallelograms,
/// claims cylinders; a host reference is a dotted arrow. What the tree does not have is dashed
/// (red, with the finding's message, when it exists nowhere); an edge a finding is about is red.
package enum GraphMermaidReporter {
    package static func render(_ report: StackReport) -> String {
        let drawing = GraphDrawing(report)
        var lines = ["flowchart LR"]
        for node in drawing.nodes {
            var text = escaped(drawing.title(of: node))
            if let note = drawing.note(of: node) { text += "<br/>" + escaped(note) }
            let (open, close) = shape(of: node)
            let style = node.resolution == .object ? "" : node.resolution == .missing ? ":::missing" : ":::outside"
            lines.append("  \(node.id)\(open)\"\(text)\"\(close)\(style)")
        }
        var problemEdges: [Int] = []
        for (number, edge) in drawing.edges.enumerated() {
            let arrow = edge.kind == .host ? "-.->" : "-->"
            var label = edge.label
            if !edge.problems.isEmpty, edge.resolution != .missing {
                label = ([label].filter { !$0.isEmpty } + edge.problems).joined(separator: ": ")
                problemEdges.append(number)
            } else if edge.resolution == .missing {
                problemEdges.append(number)
            }
            let labelText = label.isEmpty ? "" : "|\"\(escaped(label))\"|"
            lines.append("  \(edge.from) \(arrow)\(labelText) \(edge.to)")
        }
        lines.append("  classDef missing fill:#fff0f0,stroke:#c00,stroke-dasharray:5 3,color:#c00")
        lines.append("  classDef outside fill:#f6f6f6,stroke:#888,stroke-dasharray:5 3,color:#555")
        if !problemEdges.isEmpty {
            lines.append("  linkStyle \(problemEdges.map(String.init).joined(separator: ",")) stroke:#c00,color:#c00")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func shape(of node: GraphDrawing.Node) -> (String, String) {
        switch node.kind {
        case "Ingress": ("{{", "}}")
        case "Service": ("([", "])")
        case "ConfigMap", "Secret": ("[/", "/]")
        case "PersistentVolumeClaim": ("[(", ")]")
        default: ("[", "]")
        }
    }

    /// Text inside a quoted Mermaid label: quotes and angle brackets as entity codes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
