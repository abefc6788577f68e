import KubeLintEngine

/// The versioned JSON report (schema documented in README.md, "JSON report").
/// Keys always appear in the same order; findings are in report order.
package struct JSONReporter: Reporter {
    /// Bumped when a field changes meaning or disappears; new fields may appear without a bump.
    package static let schemaVersion = 1

    package init() {}

    package func render(_ report: Report) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("version", .int(Self.schemaVersion))
        json.beginObject("tool")
        json.field("name", .string("kubelint"))
        json.field("version", .string(report.toolVersion))
        json.endObject()
        json.beginObject("summary")
        json.field("files", .int(report.result.fileCount))
        json.field("resources", .int(report.result.resourceCount))
        // Added within version 1: files read that are not manifests, not counted as resources.
        json.field("notManifests", .int(report.result.notManifestCount))
        json.field("errors", .int(report.result.count(.error)))
        json.field("warnings", .int(report.result.count(.warning)))
        json.field("infos", .int(report.result.count(.info)))
        json.field("suppressed", .int(report.result.suppressed.count))
        json.endObject()
        json.beginArray("findings")
        for finding in report.findings {
            json.beginObject()
            Self.write(finding, to: &json)
            json.endObject()
        }
        json.endArray()
        // Added within version 1: findings a suppression accepted, each with the suppression.
        json.beginArray("suppressed")
        for entry in report.result.suppressed {
            json.beginObject()
            Self.write(entry.finding, to: &json)
            let suppression = entry.suppression
            json.beginObject("suppression")
            json.field("kind", .string(suppression.origin.rawValue))
            json.field("ruleId", .string(suppression.ruleID))
            json.field("reason", .string(suppression.reason))
            json.field("file", .string(suppression.location.file))
            json.field("line", .int(suppression.location.line))
            json.field("column", .int(suppression.location.column))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    /// The fields of one finding, in schema order.
    private static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.field("ruleId", .string(finding.ruleID))
        json.field("severity", .string(finding.severity.rawValue))
        json.field("message", .string(finding.message))
        json.field("remediation", .string(finding.remediation))
        json.field("file", .string(finding.location.file))
        json.field("line", .int(finding.location.line))
        json.field("column", .int(finding.location.column))
        if let resource = finding.resource {
            json.beginObject("resource")
            json.field("apiVersion", .string(resource.apiVersion))
            json.field("kind", .string(resource.kind))
            json.field("namespace", .string(resource.namespace))
            json.field("name", .string(resource.name))
            json.endObject()
        } else {
            json.field("resource", .string(nil))
        }
        json.beginArray("related")
        for related in finding.related {
            json.beginObject()
            json.field("file", .string(related.location.file))
            json.field("line", .int(related.location.line))
            json.field("column", .int(related.location.column))
            json.field("message", .string(related.message))
            json.endObject()
        }
        json.endArray()
    }
}
