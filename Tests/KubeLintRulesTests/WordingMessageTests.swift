import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintSecurityRules
@testable import KubeLintPracticeRules
@testable import KubeLintDriver

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

    // One or several: "it declares" / "they declare", "1 object" / "2 objects".

    private let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 9000}, {port: 81, targetPort: metrics}]
        """

    /// A Deployment named `name` of pods labelled app: web, with one container declaring `port`.
    private func workload(_ name: String, port: Int, portName: String? = nil) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name)}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: \(port)\(portName.map { ", name: \($0)" } ?? "")}]
        """
    }

    @Test func oneSelectedWorkloadIsIt() {
        let found = findings(["service.yaml": service, "web.yaml": workload("web", port: 80)]).filter { $0.ruleID == "service-target-port" }
        #expect(found.map(\.message) == [
            "target port 9000 is not a containerPort of Deployment web (it declares 80)",
            "target port 'metrics' is not the name of a container port of Deployment web (it names no ports)",
        ])
    }

    @Test func severalSelectedWorkloadsAreThey() {
        let found = findings([
            "service.yaml": service, "web.yaml": workload("web", port: 80), "canary.yaml": workload("web-canary", port: 8080),
        ]).filter { $0.ruleID == "service-target-port" }
        #expect(found.map(\.message) == [
            "target port 9000 is not a containerPort of Deployment web-canary, Deployment web (they declare 80, 8080)",
            "target port 'metrics' is not the name of a container port of Deployment web-canary, Deployment web (they name no ports)",
        ])
    }

    @Test func aPortAWorkloadNamesWithoutDeclaringItIsIt() {
        var web = workload("web", port: 80)
        web += "\n        args: [--listen=:9000]"
        let found = findings(["service.yaml": service, "web.yaml": web]).filter { $0.ruleID == "service-target-port-undeclared" }
        #expect(found.map(\.message) == [
            "target port 9000 is not a declared containerPort of Deployment web (it declares 80), but container 'web' names it in its args (`--listen=:9000`); declare it under ports",
        ])
    }

    private func contractFindings(_ contract: String, _ files: [String: String]) throws -> [Finding] {
        let parsed = ContractParser.parse(contract, file: "rules/team.yaml")
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        var configuration = LintConfiguration()
        configuration[ConfiguredContracts.self].contracts = [ScopedContract(try #require(parsed.contract))]
        configuration.problems = parsed.problems
        return Linter(configuration: configuration).lint(tree).findings.filter { $0.ruleID.hasPrefix("contract-") }
    }

    @Test func contractsCountOneObjectAsOne() throws {
        let claim = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """
        let contract = """
            contract: team
            expect:
            - kind: PersistentVolumeClaim
              count: 1
              only: true
              objects:
              - name: cache
                accessModes: [ReadWriteMany]
            - kind: Service
              objects:
              - name: web
                ports: [80, 443]
            - kind: ConfigMap
              count: 0
              objects:
              - name: web-env
            """
        let found = try contractFindings(contract, ["a.yaml": claim])
        #expect(found.map(\.message).sorted() == [
            "ConfigMap web-env, expected by contract 'team', is not in the tree in namespace 'default'",
            "PersistentVolumeClaim data is not the one PersistentVolumeClaim object contract 'team' allows (cache)",
            "PersistentVolumeClaim cache, expected by contract 'team', is not in the tree in namespace 'default'",
            "Service web has no port 443, which contract 'team' expects",
            "count 0 is less than the 1 ConfigMap object listed",
        ].sorted())
    }

    @Test func oneAccessModeAndOneExpectedObject() throws {
        let claims = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-env}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: worker-env}
            """
        let contract = """
            contract: team
            expect:
            - kind: PersistentVolumeClaim
              objects:
              - name: data
                accessModes: [ReadWriteMany]
            - kind: ConfigMap
              count: 1
            """
        let found = try contractFindings(contract, ["a.yaml": claims])
        #expect(found.map(\.message) == [
            "PersistentVolumeClaim data has access mode ReadWriteOnce; contract 'team' expects ReadWriteMany",
            "contract 'team' expects exactly 1 ConfigMap object, the tree has 2 (web-env, worker-env)",
        ])
    }

    /// The note at a workload a selector was probably written for names its label, or labels.
    @Test func aWorkloadsOneLabelIsTheLabel() {
        let service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n"
        let found = findings(["service.yaml": service, "web.yaml": workload("web", port: 80).replacingOccurrences(of: "{app: web}", with: "{app: website}")])
        #expect(found.filter { $0.ruleID == "service-selector-no-match" }.flatMap(\.related).map(\.message) == [
            "Deployment web gives its pods the label app: website",
        ])
    }
}
