import KubeLintEngine

/// `kubelint rules --format json`: every rule with its profile and its equivalents in other
/// linters, and the peer checks kubelint has no rule for. Versioned like the JSON report: a
/// field that changes meaning or disappears bumps `version`.
package enum RuleCatalogJSON {
    package static func render(_ rules: [RuleDescription]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("version", .int(1))
        writer.beginArray("rules")
        for rule in rules {
            writer.beginObject()
            writer.field("id", .string(rule.id))
            writer.field("severity", .string(rule.severity.rawValue))
            writer.field("category", .string(rule.category.rawValue))
            writer.field("profile", .string(rule.profile.rawValue))
            writer.field("summary", .string(rule.summary))
            writer.beginArray("equivalents")
            for check in rule.equivalents { writer.element(.string(check)) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("notApplicable")
        for entry in PeerChecks.notApplicable {
            writer.beginObject()
            writer.field("check", .string(entry.check))
            writer.field("reason", .string(entry.reason))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text + "\n"
    }
}
