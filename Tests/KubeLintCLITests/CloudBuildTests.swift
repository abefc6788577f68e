import Foundation
import Testing
import KubeLintYAML

/// examples/cloudbuild/cloudbuild.yaml: read with kubelint's own YAML layer, and its kubelint
/// command line run here as the lint step runs it, on the staging tree in place of k8s/.
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

    @Test func itIsABuildThatKeepsTheReportAndFailsOnFindings() throws {
        let build = try Self.load()
        let keys = Set((build.root.pairs ?? []).compactMap { $0.key.scalar?.text })
        #expect(keys.isSubset(of: ["steps", "substitutions", "timeout", "options", "artifacts"]), "\(keys)")
        #expect(build.steps.compactMap { $0["id"]?.scalar?.text } == ["kubelint", "keep-report", "verdict"])
        // Every substitution used is defined; user substitutions start with an underscore.
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        for name in Set(text.matches(of: /\$\{(_[A-Z0-9_]+)\}/).map { String($0.output.1) }) {
            #expect(build.substitutions[name] != nil, "\(name) is used but not defined")
        }
        let lint = try #require(build.step("kubelint"))
        let image = build.substitute(lint["name"]?.scalar?.text ?? "")
        #expect(image.hasPrefix("swift:6"), "\(image)")
        let script = try #require(lint["args"]?.items?.last?.scalar?.text)
        #expect(script.contains("apt-get install") && script.contains("libyaml-dev"))
        #expect(script.contains("> build/kubelint.status"))
        let copy = try #require(build.step("keep-report")?["args"]?.items?.compactMap { $0.scalar?.text })
        #expect(copy.contains("build/kubelint.xml"))
        #expect(copy.last?.hasPrefix("gs://") == true)
        let verdict = try #require(build.step("verdict")?["args"]?.items?.last?.scalar?.text)
        #expect(build.substitute(verdict) == "exit \"$(cat build/kubelint.status)\"")
    }

    @Test func itsKubelintCommandLinePassesOnTheStagingTree() throws {
        let build = try Self.load()
        let script = try #require(build.step("kubelint")?["args"]?.items?.last?.scalar?.text)
        let directory = NSTemporaryDirectory() + "kubelint-cloudbuild-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lines = build.substitute(script, overrides: ["_K8S_DIR": "fixtures/staging/k8s"]).split(separator: "\n")
        let command = try #require(lines.first { $0.contains("/kubelint --") && $0.contains("--report junit=") })
        let invocation = command.components(separatedBy: " || ").first ?? ""
        var arguments = invocation.split(separator: " ").dropFirst().map { $0.replacingOccurrences(of: "\"", with: "") }
        #expect(arguments == ["--kube-version", "1.13", "--report", "junit=build/kubelint.xml", "fixtures/staging/k8s"])
        // The same command, with the report written outside the repository.
        arguments = arguments.map { $0.replacingOccurrences(of: "junit=build/", with: "junit=\(directory)/build/") }
        let outcome = try Kubelint.run(arguments)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        let junit = try String(contentsOfFile: directory + "/build/kubelint.xml", encoding: .utf8)
        #expect(junit.hasPrefix("<?xml") && junit.contains("<testsuite name=\"ConfigMap\""))
        #expect(!junit.contains("<failure") && !junit.contains("<error"))
    }
}
