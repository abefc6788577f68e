import Foundation
import Testing

/// Runs the real consumers the report formats are checked with: `xmllint` against the JUnit
/// XSD, Python's `junitparser` reading the JUnit report as CI plugins do, and Python's
/// `jsonschema` against the SARIF schema, Graphviz's `dot` drawing `kubelint graph`. Both schemas live outside the repository
/// (`../shared/schemas`, see its README). Where a piece is missing, the tests that need it are
/// reported as skipped with the reason, never as passed; under `CI=true` (how .ci/run runs,
/// after installing them) they run and fail instead, so that CI cannot pass by skipping.
enum ExternalValidator {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static let schemasDirectory = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/schemas").path
    static let junitSchema = schemasDirectory + "/junit-ant.xsd"
    static let sarifSchema = schemasDirectory + "/sarif-schema-2.1.0.json"

    static var xmllintPath: String? { executable("xmllint") }
    static var python3Path: String? { executable("python3") }

    static var canValidateJUnit: Bool {
        xmllintPath != nil && FileManager.default.fileExists(atPath: junitSchema)
    }

    static var canValidateSARIF: Bool {
        guard let python3Path, FileManager.default.fileExists(atPath: sarifSchema) else { return false }
        return run(python3Path, ["-c", "import jsonschema"]).status == 0
    }

    static var canReadWithJUnitParser: Bool {
        guard let python3Path else { return false }
        return run(python3Path, ["-c", "import junitparser"]).status == 0
    }

    static let junitSkipReason: Comment = "needs xmllint (apt-get install libxml2-utils) and ../shared/schemas/junit-ant.xsd"
    static let junitParserSkipReason: Comment = "needs python3 with junitparser (pip install junitparser)"
    static let sarifSkipReason: Comment = "needs python3 with jsonschema and ../shared/schemas/sarif-schema-2.1.0.json"

    static var dotPath: String? { executable("dot") }
    static let dotSkipReason: Comment = "needs Graphviz's dot (apt-get install graphviz)"

    /// What `dot -Tsvg` makes of `dot`: its exit status and the SVG (or its complaints).
    static func renderSVG(_ dot: String) throws -> (status: Int32, output: String) {
        let file = try temporaryFile(dot, suffix: ".dot")
        defer { try? FileManager.default.removeItem(atPath: file) }
        return run(dotPath ?? "dot", ["-Tsvg", file])
    }

    /// Whether a test needing a tool runs: when the tool is there, and always under CI.
    static func runs(_ available: Bool) -> Bool { available || isCI }

    /// Fails the test when the tool is missing (under CI, where `runs` let it start).
    static func require(_ available: Bool, _ reason: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(available, "CI=true and the tool is missing: \(reason)", sourceLocation: sourceLocation)
    }

    /// What junitparser reads from `xml`: per suite its name, counts and each case as
    /// `name|classname|result` (result: passed, failure or error, with the message).
    static func junitParserReading(_ xml: String) throws -> String {
        let file = try temporaryFile(xml, suffix: ".xml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import sys
            from junitparser import JUnitXml, Failure, Error
            for suite in JUnitXml.fromfile(sys.argv[1]):
                print(f"suite {suite.name} tests={suite.tests} failures={suite.failures} errors={suite.errors}")
                for case in suite:
                    results = [r for r in case.result if isinstance(r, (Failure, Error))]
                    outcome = "passed" if not results else f"{type(results[0]).__name__.lower()}: {results[0].message}"
                    print(f"  {case.name}|{case.classname}|{outcome}")
            """
        let result = run(python3Path ?? "python3", ["-c", script, file])
        try #require(result.status == 0, "junitparser failed: \(result.output)")
        return result.output
    }

    /// xmllint's verdict on `xml`: nil when valid, else its messages.
    static func junitProblems(_ xml: String) throws -> String? {
        let file = try temporaryFile(xml, suffix: ".xml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = run(xmllintPath ?? "xmllint", ["--noout", "--schema", junitSchema, file])
        return result.status == 0 ? nil : result.output
    }

    /// jsonschema's verdict on `json` (every error, with its path): nil when valid.
    static func sarifProblems(_ json: String) throws -> String? {
        let file = try temporaryFile(json, suffix: ".sarif")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors:
                print("/".join(map(str, error.absolute_path)), error.message)
            sys.exit(1 if errors else 0)
            """
        let result = run(python3Path ?? "python3", ["-c", script, sarifSchema, file])
        return result.status == 0 ? nil : result.output
    }

    private static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "kubelint-\(UUID().uuidString)\(suffix)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
