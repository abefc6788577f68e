import KubeLintEngine

/// SARIF 2.1.0, the format GitHub code scanning (and most SARIF viewers) import.
///
/// One run; `tool.driver.rules` holds the metadata of every rule that has a result (in the
/// order of `Report.rules`), and each result points at it by `ruleId` and `ruleIndex`.
/// Regions are 1-based and columns count Unicode code points (`columnKind`), as kubelint's do.
/// Relative paths stay relative to `%SRCROOT%`, which code scanning resolves to the checkout.
package struct SARIFReporter: Reporter {
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    package init() {}

    package func render(_ report: Report) -> String {
        let referenced = Set(report.findings.map(\.ruleID))
        var rules = report.rules.filter { referenced.contains($0.id) }
        var seen = Set<String>()
        rules = rules.filter { seen.insert($0.id).inserted }
        // A finding of a rule without metadata still gets a descriptor, so every ruleIndex resolves.
        var unknownIDs: [String] = []
        for finding in report.findings where !seen.contains(finding.ruleID) {
            seen.insert(finding.ruleID)
            unknownIDs.append(finding.ruleID)
        }
        var ruleIndex: [String: Int] = [:]
        for (index, id) in (rules.map(\.id) + unknownIDs).enumerated() { ruleIndex[id] = index }

        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", .string(Self.schemaURI))
        json.field("version", .string("2.1.0"))
        json.beginArray("runs")
        json.beginObject()
        json.beginObject("tool")
        json.beginObject("driver")
        json.field("name", .string("kubelint"))
        json.field("version", .string(report.toolVersion))
        json.field("semanticVersion", .string(report.toolVersion))
        json.beginArray("rules")
        for rule in rules { writeRule(rule, to: &json) }
        for id in unknownIDs {
            json.beginObject()
            json.field("id", .string(id))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.field("columnKind", .string("unicodeCodePoints"))
        json.beginArray("results")
        for finding in report.findings {
            writeResult(finding, ruleIndex: ruleIndex[finding.ruleID], to: &json)
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    private func writeRule(_ rule: RuleDescription, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", .string(rule.id))
        json.field("name", .string(Self.pascalCase(rule.id)))
        json.beginObject("shortDescription")
        json.field("text", .string(rule.summary))
        json.endObject()
        json.beginObject("fullDescription")
        json.field("text", .string(rule.rationale))
        json.endObject()
        json.beginObject("help")
        json.field("text", .string(rule.remediation))
        json.field("markdown", .string("\(rule.rationale)\n\n**Remediation:** \(rule.remediation)\n\nRun `kubelint explain \(rule.id)` for examples."))
        json.endObject()
        json.beginObject("defaultConfiguration")
        json.field("level", .string(Self.level(rule.severity)))
        json.endObject()
        json.beginObject("properties")
        json.beginArray("tags")
        json.element(.string("kubernetes"))
        json.element(.string(rule.category.rawValue))
        json.endArray()
        json.endObject()
        json.endObject()
    }

    private func writeResult(_ finding: Finding, ruleIndex: Int?, to json: inout JSONWriter) {
        json.beginObject()
        json.field("ruleId", .string(finding.ruleID))
        if let ruleIndex { json.field("ruleIndex", .int(ruleIndex)) }
        json.field("level", .string(Self.level(finding.severity)))
        json.beginObject("message")
        json.field("text", .string(finding.message))
        json.endObject()
        json.beginArray("locations")
        json.beginObject()
        writePhysicalLocation(finding.location, to: &json)
        json.endObject()
        json.endArray()
        if !finding.related.isEmpty {
            json.beginArray("relatedLocations")
            for (index, related) in finding.related.enumerated() {
                json.beginObject()
                json.field("id", .int(index))
                writePhysicalLocation(related.location, to: &json)
                json.beginObject("message")
                json.field("text", .string(related.message))
                json.endObject()
                json.endObject()
            }
            json.endArray()
        }
        if let resource = finding.resource {
            json.beginObject("properties")
            json.field("resource", .string(resource.description))
            json.endObject()
        }
        json.endObject()
    }

    private func writePhysicalLocation(_ location: FileLocation, to json: inout JSONWriter) {
        json.beginObject("physicalLocation")
        json.beginObject("artifactLocation")
        let reference = SARIFArtifactURI(path: location.file)
        json.field("uri", .string(reference.uri))
        if let base = reference.baseID { json.field("uriBaseId", .string(base)) }
        json.endObject()
        json.beginObject("region")
        json.field("startLine", .int(max(1, location.line)))
        json.field("startColumn", .int(max(1, location.column)))
        json.endObject()
        json.endObject()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// `invalid-type` → `InvalidType`: SARIF's `name` is an identifier-like form of the id.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// A file path as a SARIF artifact URI: relative paths become percent-encoded URI references
/// against `%SRCROOT%`; absolute paths become `file://` URIs.
struct SARIFArtifactURI {
    var uri: String
    var baseID: String?

    init(path: String) {
        if path.hasPrefix("/") {
            uri = "file://" + Self.percentEncoded(path)
            baseID = nil
        } else {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            uri = Self.percentEncoded(relative)
            baseID = "%SRCROOT%"
        }
    }

    /// Keeps unreserved characters and `/`; everything else, including `:` (which would read as
    /// a scheme in a relative reference) and non-ASCII, is percent-encoded as UTF-8.
    static func percentEncoded(_ path: some StringProtocol) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
