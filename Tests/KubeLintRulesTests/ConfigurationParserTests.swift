import Testing
import KubeLintModel
import KubeLintYAML
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

@Suite("Reading .kubelint.yaml")
struct ConfigurationParserTests {
    private func parse(_ text: String) -> ParsedConfiguration {
        ConfigurationParser.parse(text, file: ".kubelint.yaml")
    }

    private func positions(_ parsed: ParsedConfiguration) -> [String] {
        parsed.configuration.problems.map { "\($0.mark.line):\($0.mark.column)" }
    }

    @Test func anEmptyFileIsTheDefaults() {
        let parsed = parse("# nothing configured yet\n")
        #expect(parsed.configuration.problems.isEmpty)
        #expect(parsed.configuration.defaultNamespace == "default")
        #expect(parsed.configuration[ConfiguredContracts.self].references.isEmpty)
    }

    @Test func everySupportedKeyIsApplied() throws {
        let parsed = parse("""
            defaultNamespace: staging
            externalObjects:
            - kind: Secret
              name: database
            - kind: ServiceAccount
              name: deployer
              namespace: tools
            rules:
              secret-missing:
                severity: error
              configmap-missing:
                enabled: false
            contracts:
            - rules/staging.yaml
            - path: rules/prod.yaml
              scope: [k8s/prod, k8s/shared]
            """)
        #expect(parsed.configuration.problems.isEmpty, "\(parsed.configuration.problems)")
        let configuration = parsed.configuration
        #expect(configuration.defaultNamespace == "staging")
        #expect(configuration.severityOverrides == ["secret-missing": .error])
        #expect(configuration.disabledRules == ["configmap-missing"])
        #expect(configuration.isExternal(kind: "Secret", namespace: "staging", name: "database"))
        #expect(!configuration.isExternal(kind: "Secret", namespace: "default", name: "database"))
        #expect(configuration.isExternal(kind: "ServiceAccount", namespace: "tools", name: "deployer"))
        #expect(parsed.configuration[ConfiguredContracts.self].references.map(\.path.value) == ["rules/staging.yaml", "rules/prod.yaml"])
        #expect(parsed.configuration[ConfiguredContracts.self].references[1].scope.map(\.value) == ["k8s/prod", "k8s/shared"])
        #expect(parsed.configuration[ConfiguredContracts.self].references[1].path.mark.line == 15)
    }

    @Test func externalPodsCarryLabelsThatSelectorsAreCheckedAgainst() {
        let parsed = parse("""
            externalObjects:
            - kind: Pod
              name: prometheus
              namespace: monitoring
              labels:
                app.kubernetes.io/name: prometheus
                operator.prometheus.io/shard: "0"
            - kind: Secret
              name: tls
              labels: {app: web}
            - kind: Pod
              name: broken
              labels:
                replicas: 2
            """)
        #expect(positions(parsed) == ["10:3", "14:15"])
        #expect(parsed.configuration.problems.first?.message == "externalObjects[1].labels is only for kind: Pod (pods made at run time that Services select), not Secret")
        let configuration = parsed.configuration
        let selector = StringMap(entries: [StringMap.Entry(key: "app.kubernetes.io/name", value: "prometheus", keyMark: Mark(line: 1, column: 1), valueMark: Mark(line: 1, column: 1))])
        #expect(configuration.externalPodsExist(in: "monitoring") { selector.isSubset(of: $0) })
        #expect(!configuration.externalPodsExist(in: "default") { selector.isSubset(of: $0) })
        let other = StringMap(entries: [StringMap.Entry(key: "app.kubernetes.io/name", value: "grafana", keyMark: Mark(line: 1, column: 1), valueMark: Mark(line: 1, column: 1))])
        #expect(!configuration.externalPodsExist(in: "monitoring") { other.isSubset(of: $0) })
    }

    @Test func unknownKeysAndWrongTypesArePointedAt() throws {
        let parsed = parse("""
            defaultNamespce: staging
            externalObjects: {kind: Secret}
            rules:
              secret-missing: warning
            contracts:
            - path: [a, b]
            """)
        #expect(positions(parsed) == ["1:1", "2:18", "4:19", "6:9"])
        let messages = parsed.configuration.problems.map(\.message)
        #expect(messages[0] == "unknown key 'defaultNamespce' in the configuration; did you mean 'defaultNamespace'?")
        #expect(messages[1] == "externalObjects must be a list, found a mapping")
        #expect(parsed.configuration.problems.allSatisfy { $0.origin == .configuration && $0.file == ".kubelint.yaml" })
    }

    @Test("kubernetesVersion: a release kubelint knows, written MAJOR.MINOR", arguments: [
        ("\"1.13\"", nil),
        ("v1.37", nil),
        ("\"1.12\"", "kubernetesVersion '1.12': kubelint knows Kubernetes 1.13 to 1.37, not 1.12; the nearest is 1.13"),
        ("1.99", "kubernetesVersion '1.99': kubelint knows Kubernetes 1.13 to 1.37, not 1.99; the nearest is 1.37"),
        ("2", "kubernetesVersion '2' is not a Kubernetes version: write MAJOR.MINOR, such as 1.29 (v1.29 and 1.29.3 are read as 1.29)"),
    ] as [(String, String?)])
    func kubernetesVersionIsAKnownRelease(_ value: String, _ expected: String?) {
        let parsed = parse("kubernetesVersion: \(value)\n")
        #expect(parsed.configuration.problems.map(\.message) == (expected.map { [$0] } ?? []))
        if expected != nil {
            #expect(positions(parsed) == ["1:20"])
            #expect(parsed.configuration.kubernetesVersion == .defaultTarget)
        }
    }

    @Test func theKnownReleasesAreTheSampledOnes() {
        #expect(KubernetesVersion.knownReleases == KubernetesVersion(major: 1, minor: 13)...KubernetesVersion(major: 1, minor: 37))
        #expect(KubernetesVersion.knownReleases.contains(.defaultTarget))
    }

    @Test func unknownRulesAndInputRulesAreErrors() {
        let parsed = parse("""
            rules:
              no-such-rule:
                enabled: false
              yaml-syntax:
                enabled: false
              secret-missing:
                severity: loud
            """)
        #expect(positions(parsed) == ["2:3", "4:3", "7:15"])
        #expect(parsed.configuration.disabledRules.isEmpty)
        #expect(parsed.configuration.severityOverrides.isEmpty)
    }

    @Test func brokenYAMLIsOneProblemAtItsPosition() throws {
        let parsed = parse("rules:\n  secret-missing: {severity: error\n")
        let problem = try #require(parsed.configuration.problems.first)
        #expect(parsed.configuration.problems.count == 1)
        #expect(problem.message.hasPrefix("not valid YAML"))
        #expect(problem.mark.line == 3)
    }

    @Test func pathsExcludeIgnoreAndSizeAreRead() throws {
        let parsed = parse("""
            paths: [k8s, deploy/extra.yaml]
            exclude:
            - kustomization.yaml
            - k8s/charts/**
            maxFileSize: 1048576
            ignore:
            - rule: configmap-missing
              kind: Deployment
              namespace: staging
              name: legacy-*
              path: k8s/legacy
              reason: made by the old deploy script
            - rule: "*"
              path: k8s/vendor/**
              reason: vendored chart
            """)
        #expect(parsed.configuration.problems.isEmpty, "\(parsed.configuration.problems)")
        #expect(parsed.loading.paths.map(\.value) == ["k8s", "deploy/extra.yaml"])
        #expect(parsed.loading.exclude.map(\.pattern) == ["kustomization.yaml", "k8s/charts/**"])
        #expect(parsed.loading.maxFileSize == 1_048_576)
        let ignores = parsed.configuration.ignores
        #expect(ignores.map(\.rule) == ["configmap-missing", "*"])
        let first = try #require(ignores.first)
        #expect(first.kind == "Deployment" && first.namespace == "staging" && first.name == "legacy-*")
        #expect(first.path?.pattern == "k8s/legacy")
        #expect(first.reason == "made by the old deploy script")
        #expect(first.location == FileLocation(file: ".kubelint.yaml", line: 7, column: 3))
    }

    @Test func ignoreEntriesNeedAKnownSuppressibleRuleAndAReason() {
        let parsed = parse("""
            ignore:
            - rule: configmap-mising
              reason: typo
            - rule: yaml-syntax
              reason: cannot be
            - rule: unused-suppression
              reason: cannot be either
            - rule: secret-missing
            - rule: secret-missing
              reason: "  "
            - rule: secret-missing
              path: ../elsewhere
              reason: outside
            - rule: secret-missing
              nmae: x
              reason: misspelt key
            exclude: ["", "../x"]
            maxFileSize: 0
            paths: "-"
            """)
        let problems = parsed.configuration.problems.sorted { $0.mark < $1.mark }
        #expect(problems.map { "\($0.mark.line):\($0.mark.column)" } == ["2:9", "4:9", "6:9", "8:3", "10:11", "12:9", "15:3", "17:11", "17:15", "18:14", "19:8"])
        #expect(problems.first?.message == "ignore[0].rule: unknown rule 'configmap-mising'; did you mean 'configmap-missing'?")
        // Only the entry with the misspelt key survives: its valid part still applies.
        #expect(parsed.configuration.ignores.count == 1)
        #expect(parsed.loading.exclude.isEmpty)
        #expect(parsed.loading.maxFileSize == nil)
        #expect(parsed.loading.paths.isEmpty)
    }

    @Test func duplicateKeysAndBadNamespacesAreReported() {
        let parsed = parse("defaultNamespace: staging\ndefaultNamespace: Prod_1\n")
        #expect(positions(parsed) == ["2:1", "2:19"])
        #expect(parsed.configuration.defaultNamespace == "default")
    }
}
