import Foundation
import Testing
import KubeLintYAML

/// examples/cloudbuild/: cloudbuild.yaml read with kubelint's own YAML layer and its steps run
/// here as Cloud Build runs them (the tests' kubelint for the image's, a stand-in `gcloud`),
/// and the Dockerfile's recipe checked (the recipe itself is run by scripts/test-install.sh).
@Suite("The Cloud Build example")
struct CloudBuildTests {
    static let path = Kubelint.repositoryRoot + "/examples/cloudbuild/cloudbuild.yaml"

    struct Build {
        var root: Node
        var substitutions: [String: String] = [:]
        var steps: [Node] = []

        func step(_ id: String) -> Node? {
            steps.first { $0["id"]?.scalar?.text == id }
        }

        /// `${_NAME}` and `$_NAME` replaced by the substitutions (with `overrides`), `$$` by `$`,
        /// as Cloud Build does before running a step.
        func substitute(_ text: String, overrides: [String: String] = [:]) -> String {
            var result = text.replacingOccurrences(of: "$$", with: "\u{0}")
            for (name, value) in substitutions.merging(overrides, uniquingKeysWith: { $1 }) {
                result = result.replacingOccurrences(of: "${\(name)}", with: value)
                result = result.replacingOccurrences(of: "$\(name)", with: value)
            }
            return result.replacingOccurrences(of: "\u{0}", with: "$")
        }
    }

    static func load() throws -> Build {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let stream = YAMLParser.parse(bytes)
        #expect(stream.error == nil, "\(String(describing: stream.error))")
        #expect(stream.documents.count == 1)
        let root = try #require(stream.documents.first?.root)
        var build = Build(root: root)
        for pair in root["substitutions"]?.pairs ?? [] {
            if let name = pair.key.scalar?.text, let value = pair.value.scalar?.text { build.substitutions[name] = value }
        }
        build.steps = root["steps"]?.items ?? []
        return build
    }

    /// A step's script: the last argument of `bash -c`.
    static func script(_ build: Build, _ id: String) throws -> String {
        try #require(build.step(id)?["args"]?.items?.last?.scalar?.text, "no script in step \(id)")
    }

    @Test func itIsABuildThatRunsTheKubelintImageKeepsTheReportAndFailsOnFindings() throws {
        let build = try Self.load()
        let keys = Set((build.root.pairs ?? []).compactMap { $0.key.scalar?.text })
        #expect(keys.isSubset(of: ["steps", "substitutions", "timeout", "options", "artifacts"]), "\(keys)")
        #expect(build.steps.compactMap { $0["id"]?.scalar?.text } == ["kubelint", "keep-report", "verdict"])
        // Every substitution used is defined; user substitutions start with an underscore.
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        for name in Set(text.matches(of: /\$\{(_[A-Z0-9_]+)\}/).map { String($0.output.1) }) {
            #expect(build.substitutions[name] != nil, "\(name) is used but not defined")
        }
        // The lint step runs the prebuilt image: no Swift, no compiling.
        let lint = try #require(build.step("kubelint"))
        #expect(lint["name"]?.scalar?.text == "${_KUBELINT_IMAGE}")
        let script = try Self.script(build, "kubelint")
        #expect(!script.contains("swift") && !script.contains("apt-get"))
        #expect(script.contains("> build/kubelint.status"))
    }

    /// Runs the build's three steps here, as Cloud Build would run them in one workspace: the
    /// kubelint built for the tests stands in for the image's, and a `gcloud` that copies to a
    /// directory for the real one. Returns what each step printed and how it exited.
    static func runSteps(_ overrides: [String: String]) throws -> (outputs: [String: String], statuses: [String: Int32], bucket: String) {
        let build = try load()
        let workspace = NSTemporaryDirectory() + "kubelint-cloudbuild-\(UUID().uuidString)"
        let tools = workspace + "-tools"
        let bucket = workspace + "-bucket"
        for directory in [workspace, tools, bucket] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: tools + "/kubelint", withDestinationPath: Kubelint.executable)
        // `gcloud storage cp FILE gs://BUCKET/PATH` copies FILE to the stand-in bucket.
        try """
            #!/bin/sh
            [ "$1 $2" = "storage cp" ] || exit 64
            mkdir -p "\(bucket)/$(dirname "${4#gs://}")" && cp "$3" "\(bucket)/${4#gs://}"
            """.write(toFile: tools + "/gcloud", atomically: true, encoding: .utf8)
        #expect(chmod(tools + "/gcloud", 0o755) == 0)
        var outputs: [String: String] = [:]
        var statuses: [String: Int32] = [:]
        for id in ["kubelint", "keep-report", "verdict"] {
            let script = build.substitute(try Self.script(build, id), overrides: overrides.merging(["BUILD_ID": "build-1"]) { $1 })
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            process.currentDirectoryURL = URL(fileURLWithPath: workspace)
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = tools + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            outputs[id] = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses[id] = process.terminationStatus
        }
        try? FileManager.default.removeItem(atPath: workspace)
        try? FileManager.default.removeItem(atPath: tools)
        return (outputs, statuses, bucket)
    }

    @Test("the steps keep the report whatever kubelint's status, and the build ends with it", arguments: [
        ("fixtures/staging/k8s", "1.13", 0),
        ("fixtures/cases/yaml-pitfalls/k8s", "1.13", 1),
        ("fixtures/cases/malformed-file/k8s", "1.13", 2),
    ])
    func stepsKeepTheReport(_ tree: String, _ version: String, _ expected: Int32) throws {
        let (outputs, statuses, bucket) = try Self.runSteps(["_K8S_DIR": Kubelint.repositoryRoot + "/" + tree, "_KUBE_VERSION": version])
        defer { try? FileManager.default.removeItem(atPath: bucket) }
        #expect(statuses["kubelint"] == 0, "\(outputs)")
        #expect(statuses["keep-report"] == 0, "\(outputs)")
        #expect(statuses["verdict"] == expected, "\(outputs)")
        let report = try String(contentsOfFile: bucket + "/your-build-reports/kubelint/build-1/kubelint.xml", encoding: .utf8)
        #expect(report.hasPrefix("<?xml"))
        #expect(report.contains("<failure") == (expected >= 1))
        #expect(report.contains("<error") == (expected == 2))
    }

    @Test func aUsageErrorLeavesNoReportAndTheKeepStepSaysWhyNotHidingKubelintsMessage() throws {
        let (outputs, statuses, bucket) = try Self.runSteps([
            "_K8S_DIR": Kubelint.repositoryRoot + "/fixtures/staging/k8s", "_KUBE_VERSION": "1.99",
        ])
        defer { try? FileManager.default.removeItem(atPath: bucket) }
        #expect(outputs["kubelint"]?.contains("--kube-version") == true, "\(outputs)")
        #expect(statuses["keep-report"] == 0)
        #expect(outputs["keep-report"] == "kubelint wrote no report (exit status 2): it stopped before linting; its message is in the kubelint step's log\n")
        #expect(statuses["verdict"] == 2)
        #expect(!FileManager.default.fileExists(atPath: bucket + "/your-build-reports"))
    }

    /// examples/cloudbuild/Dockerfile: multi-stage, built with scripts/install.sh (tested by
    /// scripts/test-install.sh, since docker does not run here), libyaml at run time.
    @Test func theImageIsBuiltWithTheInstallScriptIntoAPlainUbuntu() throws {
        let dockerfile = try String(contentsOfFile: Kubelint.repositoryRoot + "/examples/cloudbuild/Dockerfile", encoding: .utf8)
        let stages = dockerfile.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        #expect(stages == ["FROM swift:6.2-noble AS build", "FROM ubuntu:24.04"])
        #expect(dockerfile.contains("RUN scripts/install.sh /opt/kubelint"))
        #expect(dockerfile.contains("libyaml-0-2"))
        #expect(dockerfile.contains("COPY --from=build /opt/kubelint/bin/kubelint /usr/local/bin/kubelint"))
        let image = try String(contentsOfFile: Kubelint.repositoryRoot + "/examples/cloudbuild/image.cloudbuild.yaml", encoding: .utf8)
        #expect(image.contains("args: [build, --file, examples/cloudbuild/Dockerfile, --tag, \"${_IMAGE}\", .]"))
    }
}
