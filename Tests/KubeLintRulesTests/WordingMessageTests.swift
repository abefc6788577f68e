import Testing
import KubeLintModel
@testable import KubeLintRules

/// Messages whose words must match the case: what is wrong with a selector that is not empty
/// as written, one workload or several.
@Suite("Words that fit the case")
struct WordingMessageTests {
    private func findings(_ files: [String: String], target: KubernetesVersion? = nil) -> [Finding] {
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        return Linter(configuration: LintConfiguration(kubernetesVersion: target)).lint(tree).findings
    }

    private func messages(_ yaml: String, rule: String) -> [String] {
        findings(["test.yaml": yaml]).filter { $0.ruleID == rule }.map(\.message)
    }

    /// A Deployment whose `spec.selector` is `selector` (indented for its place).
    private func deployment(selector: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
        \(selector)
          template:
            metadata: {labels: {app: web, enabled: "true"}}
            spec:
              containers: [{name: web, image: nginx}]
        """
    }

    @Test func aSelectorEmptyAsWrittenIsEmpty() {
        #expect(messages(deployment(selector: "    matchLabels: {}"), rule: "invalid-selector") == [
            "spec.selector is empty: a Deployment must select its pods (use the template's labels)",
        ])
    }

    /// A selector whose entries kubelint cannot read as labels is not "empty": the message says
    /// what each entry is (each is also reported where it is written).
    @Test func aSelectorOfValuesThatAreNotStringsSaysWhatTheyAre() {
        #expect(messages(deployment(selector: "    matchLabels: {enabled: true}"), rule: "invalid-selector") == [
            "spec.selector has no label to select by: matchLabels.enabled is a boolean, not a string (write \"true\"); a Deployment must select its pods",
        ])
        #expect(messages(deployment(selector: "    matchLabels: {tier: ~, roles: [a, b], port: 8080}"), rule: "invalid-selector") == [
            "spec.selector has no label to select by: matchLabels.tier is null, not a string; matchLabels.roles is a list, not a string; "
                + "matchLabels.port is an integer, not a string (write \"8080\"); a Deployment must select its pods",
        ])
        #expect(messages(deployment(selector: "    matchExpressions: [enabled]"), rule: "invalid-selector") == [
            "spec.selector has no label to select by: matchExpressions[0] is a string, not a requirement; a Deployment must select its pods",
        ])
        #expect(messages(deployment(selector: "    matchLabels: [app]"), rule: "invalid-selector") == [
            "spec.selector has no label to select by: matchLabels is a list; a Deployment must select its pods",
        ])
        // Labels written directly under the selector, as a Service writes them.
        #expect(messages(deployment(selector: "    app: web"), rule: "invalid-selector") == [
            "spec.selector has no label to select by: 'app' is not a selector field (labels go under matchLabels); a Deployment must select its pods",
        ])
    }
}
