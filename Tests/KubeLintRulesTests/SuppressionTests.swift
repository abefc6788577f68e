import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// Lints in-memory files with every rule and an optional configuration text.
private func lint(_ files: [String: String], configuration text: String? = nil, disabling disabled: Set<String> = []) -> LintResult {
    var configuration = text.map { ConfigurationParser.parse($0, file: ".kubelint.yaml").configuration } ?? LintConfiguration()
    configuration.disabledRules.formUnion(disabled)
    let inputs = files.sorted { $0.key < $1.key }.map { Loader.Input.bytes(name: $0.key, Array($0.value.utf8)) }
    return Linter(configuration: configuration).lint(Loader.load(inputs))
}

private func lines(_ findings: [Finding], _ ruleID: String) -> [Int] {
    findings.filter { $0.ruleID == ruleID }.map(\.location.line)
}

/// A ConfigMap with `data` (and annotations) as given: line 5 is `data:` without annotations,
/// and the first annotation is on line 6 with them.
private func configMap(name: String = "settings", annotations: String = "", data: String) -> String {
    var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n"
    if !annotations.isEmpty { text += "  annotations:\n" + annotations }
    return text + "data:\n" + data + "\n"
}

@Suite("Suppressions")
struct SuppressionTests {
    @Test func aCommentOnTheLineOrAboveSuppressesThatLineOnly() {
        let result = lint(["a.yaml": configMap(data: """
              A: yes  # kubelint:ignore string-expected the consumer parses booleans
              # kubelint:ignore string-expected the consumer parses booleans
              # (a second comment line between the directive and its line is fine)
              B: no
              C: on
            """)])
        #expect(lines(result.findings, "string-expected") == [10])
        #expect(result.suppressed.map(\.finding.location.line) == [6, 9])
        #expect(result.suppressed.allSatisfy { $0.suppression.origin == .comment && $0.suppression.reason == "the consumer parses booleans" })
        #expect(lines(result.findings, "unused-suppression").isEmpty)
    }

    @Test func aCommentAtAnyReferenceOfAGroupedFindingSuppressesIt() {
        // One finding stands for the pod's three references to the missing ConfigMap (at the
        // first, the others as notes): a comment at the second accepts it, and is used.
        let result = lint(["pod.yaml": """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx
                env:
                - name: HOST
                  valueFrom:
                    configMapKeyRef: {name: web-env, key: HOST}
                - name: PORT
                  valueFrom:
                    configMapKeyRef: {name: web-env, key: PORT}  # kubelint:ignore configmap-missing made by the deploy script
            """])
        #expect(lines(result.findings, "configmap-missing").isEmpty)
        #expect(result.suppressed.map(\.finding.ruleID) == ["configmap-missing"])
        #expect(result.suppressed.map(\.finding.location.line) == [12])
        #expect(lines(result.findings, "unused-suppression").isEmpty)
    }

    @Test func aCommentOnALineOfAnotherFindingsNoteInAnotherFileDoesNotSuppress() {
        // The note of a missing-key finding points into the ConfigMap's file: a comment there
        // is about that file's line, not the Deployment's finding.
        let finding = Finding(
            ruleID: "configmap-key-missing", severity: .error, message: "m",
            location: FileLocation(file: "a.yaml", line: 3, column: 1),
            related: [Finding.Related(location: FileLocation(file: "b.yaml", line: 7, column: 1), message: "n"),
                      Finding.Related(location: FileLocation(file: "a.yaml", line: 9, column: 1), message: "n"),
                      Finding.Related(location: FileLocation(file: "a.yaml", line: 3, column: 5), message: "n")]
        )
        #expect(SuppressionStage.commentableLines(of: finding) == [3, 9])
    }

    @Test func textThatLooksLikeADirectiveInsideScalarsIsNotAComment() {
        let result = lint(["a.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              literal: |
                # kubelint:ignore string-expected in a literal block
                  # kubelint:ignore string-expected indented further
              folded: >2
                 # kubelint:ignore string-expected with an indentation indicator
              double: "a # kubelint:ignore string-expected in quotes \\" # still quoted"
              single: 'it''s # kubelint:ignore string-expected quoted'
              multi: "first line
                # kubelint:ignore string-expected second line of a quoted scalar"
              flow: {k: "# kubelint:ignore string-expected"}
              hash: a#kubelint:ignore string-expected
              A: yes
            """])
        // Had any of these been read as a comment, it would be a suppression of string-expected
        // that matches nothing (unused-suppression) or an invalid one.
        #expect(lines(result.findings, "unused-suppression").isEmpty, "\(result.findings.map { "\($0.location): \($0.message)" })")
        #expect(lines(result.findings, "suppression-invalid").isEmpty)
        #expect(result.suppressed.isEmpty)
        #expect(lines(result.findings, "string-expected") == [17])
    }

    @Test func pastASyntaxErrorNothingIsReadAsAComment() {
        let text = configMap(data: "  A: yes  # kubelint:ignore string-expected parsed by the app")
            + "---\nbroken: \"never closed # kubelint:ignore string-expected\n"
        let result = lint(["a.yaml": text])
        // The first document's comment still applies; the text in the open quote is not a comment.
        #expect(result.suppressed.map(\.finding.location.line) == [6])
        #expect(result.findings.map(\.ruleID) == ["yaml-syntax"], "\(result.findings.map { "\($0.location): \($0.message)" })")
    }

    @Test func aCommentAfterABlockScalarEndsIsAComment() {
        let result = lint(["a.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              script: |
                echo "# not a comment"
              # kubelint:ignore string-expected the block above has ended
              A: yes
            """])
        #expect(result.suppressed.map(\.finding.location.line) == [9])
        #expect(result.findings.filter { $0.ruleID != "invalid-type" }.isEmpty, "\(result.findings.map(\.message))")
    }

    @Test func anAnnotationSuppressesFindingsAboutItsObjectOnly() {
        let annotated = configMap(name: "legacy", annotations: "    kubelint.dev/ignore.string-expected: read by a shell script\n", data: "  A: yes")
        let plain = configMap(name: "other", data: "  A: yes")
        let result = lint(["a.yaml": annotated + "\n---\n" + plain])
        #expect(result.suppressed.map(\.finding.resource?.name) == ["legacy"])
        #expect(result.findings.filter { $0.ruleID == "string-expected" }.map(\.resource?.name) == ["other"])
        #expect(result.suppressed.first?.suppression.reason == "read by a shell script")
    }

    @Test func configurationEntriesMatchByKindNamespaceNameAndPath() {
        let files = [
            "k8s/app/a.yaml": configMap(name: "web-settings", data: "  A: yes"),
            "k8s/app/b.yaml": configMap(name: "api-settings", data: "  A: yes"),
            "k8s/vendor/c.yaml": configMap(name: "chart-settings", data: "  A: yes"),
            "k8s/app/d.yaml": configMap(name: "web-extra", data: "  A: yes").replacingOccurrences(of: "name: web-extra", with: "name: web-extra\n  namespace: prod"),
        ]
        let result = lint(files, configuration: """
            ignore:
            - rule: string-expected
              kind: ConfigMap
              name: web-*
              namespace: default
              reason: web reads booleans
            - rule: "*"
              path: k8s/vendor
              reason: vendored chart, fixed upstream
            - rule: string-expected
              kind: Secret
              reason: no Secret has this problem
            """)
        #expect(Set(result.suppressed.map { $0.finding.location.file }) == ["k8s/app/a.yaml", "k8s/vendor/c.yaml"])
        #expect(Set(result.findings.filter { $0.ruleID == "string-expected" }.map(\.location.file)) == ["k8s/app/b.yaml", "k8s/app/d.yaml"])
        // The Secret entry matched nothing.
        #expect(result.findings.filter { $0.ruleID == "unused-suppression" }.map(\.location) == [FileLocation(file: ".kubelint.yaml", line: 10, column: 3)])
    }

    @Test func inputFindingsAreNeverSuppressed() {
        let result = lint(["a.yaml": "# kubelint:ignore yaml-syntax placeholder\n", "b.yaml": "kind: [\n"], configuration: """
            ignore:
            - rule: "*"
              reason: accept everything
            """)
        #expect(Set(result.findings.map(\.ruleID)) == ["yaml-syntax", "suppression-invalid", "unused-suppression"], "\(result.findings.map(\.ruleID))")
        #expect(result.suppressed.isEmpty)
        #expect(result.hasInputErrors)
    }

    @Test func aSuppressionWithoutAReasonIsReportedAndNotApplied() {
        let result = lint(["a.yaml": configMap(annotations: "    kubelint.dev/ignore.string-expected:\n", data: "  A: yes  # kubelint:ignore string-expected")])
        // The missing value is reported by the schema rules too: annotations are strings.
        #expect(lines(result.findings, "suppression-invalid") == [6, 8])
        #expect(lines(result.findings, "string-expected") == [6, 8])
        #expect(result.suppressed.isEmpty)
    }

    /// A missing reason is as grave as the finding it would have accepted (of its rule, where
    /// it applies), at least a warning: it fails a run only where the finding itself would.
    @Test func aSuppressionWithoutAReasonIsAsGraveAsWhatItWouldAccept() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                kubelint.dev/ignore.secret-missing: ""
            spec:
              containers:
              - name: web
                image: nginx
                envFrom:
                - secretRef: {name: web-secret}  # kubelint:ignore secret-missing
                - configMapRef: {name: web-env}  # kubelint:ignore configmap-missing
                - configMapRef: {name: other-env}  # kubelint:ignore secret-missing,configmap-missing
                - secretRef: {name: shared-secret}
                # kubelint:ignore configmap-missing
                - secretRef: {name: last-secret}
            """
        func reported(_ result: LintResult) -> [String] {
            result.findings.filter { $0.ruleID == "suppression-invalid" }.map { "\($0.location.line) \($0.severity.rawValue): \($0.message)" }
        }
        #expect(reported(lint(["pod.yaml": pod])) == [
            // secret-missing is a warning: so is a suppression of it without a reason.
            "6 warning: annotation kubelint.dev/ignore.secret-missing gives no reason; its value must say why the finding is accepted (the suppression is not applied)",
            "12 warning: kubelint:ignore secret-missing gives no reason; say why after the rule id (the suppression is not applied)",
            // configmap-missing is an error.
            "13 error: kubelint:ignore configmap-missing gives no reason; say why after the rule id (the suppression is not applied)",
            "14 error: kubelint:ignore secret-missing,configmap-missing gives no reason; say why after the rule id (the suppression is not applied)",
            // Nothing of configmap-missing on the line below: nothing an error to accept.
            "16 warning: kubelint:ignore configmap-missing gives no reason; say why after the rule id (the suppression is not applied)",
        ])
        // The severity the configuration gives the finding counts.
        let raised = lint(["pod.yaml": pod], configuration: "rules:\n  secret-missing:\n    severity: error\n")
        #expect(reported(raised).map { $0.prefix(while: { $0 != ":" }) } == ["6 error", "12 error", "13 error", "14 error", "16 warning"])
        // Other invalid suppressions suppress nothing while looking as if they did: errors.
        let unknown = lint(["pod.yaml": pod.replacingOccurrences(of: "ignore secret-missing,configmap-missing", with: "ignore secret-mising because")])
        #expect(reported(unknown).filter { $0.hasPrefix("14 ") } == [
            "14 error: kubelint:ignore: unknown rule 'secret-mising'; did you mean 'secret-missing'?",
        ])
    }

    @Test func suppressionsOfARuleThatDidNotRunAreNotJudged() {
        let text = configMap(annotations: "    kubelint.dev/ignore.configmap-missing: made by the platform\n", data: "  A: \"1\"")
        #expect(lines(lint(["a.yaml": text]).findings, "unused-suppression") == [6])
        #expect(lint(["a.yaml": text], disabling: ["configmap-missing"]).findings.isEmpty)
    }

    @Test func severityOverridesApplyToSuppressedFindingsToo() {
        let result = lint(["a.yaml": configMap(data: "  A: yes  # kubelint:ignore string-expected parsed by the app")], configuration: """
            rules:
              string-expected:
                severity: warning
            """)
        #expect(result.suppressed.map(\.finding.severity) == [.warning])
    }
}

@Suite("Path patterns")
struct PathGlobTests {
    @Test(arguments: [
        ("kustomization.yaml", "kustomization.yaml", true),
        ("kustomization.yaml", "k8s/base/kustomization.yaml", true),
        ("kustomization.yaml", "k8s/base/kustomization.yml", false),
        ("*.values.yaml", "k8s/app.values.yaml", true),
        ("k8s/charts", "k8s/charts", true),
        ("k8s/charts", "k8s/charts/x.yaml", false),
        ("k8s/charts/**", "k8s/charts/a/b/x.yaml", true),
        ("k8s/**/values.yaml", "k8s/values.yaml", true),
        ("k8s/**/values.yaml", "k8s/a/b/values.yaml", true),
        ("k8s/**/values.yaml", "other/values.yaml", false),
        ("/values.yaml", "values.yaml", true),
        ("/values.yaml", "k8s/values.yaml", false),
        ("k8s/?.yaml", "k8s/a.yaml", true),
        ("k8s/?.yaml", "k8s/ab.yaml", false),
        ("k8s/*", "k8s/a/b.yaml", false),
        ("**/test-*/**", "k8s/test-data/x.yaml", true),
        ("charts/", "k8s/charts", true),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) throws {
        let glob = try #require(PathGlob(pattern))
        #expect(glob.matches(path) == expected)
    }

    @Test func aPatternNamingADirectoryCoversItsFiles() throws {
        let glob = try #require(PathGlob("k8s/vendor"))
        #expect(glob.covers("k8s/vendor/chart/a.yaml"))
        #expect(!glob.covers("k8s/vendored/a.yaml"))
    }

    @Test func unusablePatternsAreRejected() {
        #expect(PathGlob("") == nil)
        #expect(PathGlob("/") == nil)
        #expect(PathGlob("../shared/**") == nil)
    }
}
