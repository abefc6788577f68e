import KubeLintGraph

/// `kubelint plan --format json`: `{"steps": [{"objects": [...], "waitFor": [...]}], "cycles":
/// [...], "unresolved": [...]}`. Every object of the tree is in exactly one step; an object is
/// `kind`, `name`, `namespace` (null for a cluster-scoped one), `file`, `line`.
package enum PlanJSONReporter {
    package static func render(_ report: StackReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("steps")
        for step in report.plan.steps {
            json.beginObject()
            json.beginArray("objects")
            for position in step.objects {
                json.beginObject()
                writeKey(of: position, report: report, to: &json)
                let place = report.place(of: position)
                json.field("file", .string(place.file))
                json.field("line", .int(place.line))
                json.endObject()
            }
            json.endArray()
            json.beginArray("waitFor")
            for position in step.waitFor {
                json.beginObject()
                writeKey(of: position, report: report, to: &json)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.beginArray("cycles")
        for cycle in report.plan.cycles {
            json.beginArray()
            for position in cycle {
                json.beginObject()
                writeKey(of: position, report: report, to: &json)
                json.endObject()
            }
            json.endArray()
        }
        json.endArray()
        json.beginArray("unresolved")
        for edge in report.plan.unresolved {
            let graph = report.graph
            let (file, mark) = graph.location(of: edge)
            let target = graph.target(of: edge)
            json.beginObject()
            json.beginObject("from")
            writeKey(of: edge.from, report: report, to: &json)
            json.endObject()
            json.beginObject("to")
            json.field("kind", .string(target.kind))
            json.field("name", .string(target.name))
            json.field("namespace", .string(target.namespace.isEmpty ? nil : target.namespace))
            json.endObject()
            json.field("reference", .string(edge.kind.rawValue))
            json.field("file", .string(file))
            json.field("line", .int(mark.line))
            json.field("column", .int(mark.column))
            json.field("message", .string(report.problems(of: edge).first?.message))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    static func writeKey(of position: Int, report: StackReport, to json: inout JSONWriter) {
        let key = report.graph.key(of: position)
        json.field("kind", .string(key.kind))
        json.field("name", .string(key.name))
        json.field("namespace", .string(key.namespace.isEmpty ? nil : key.namespace))
    }
}
