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

/// Spreading the schema check and the rules over cores must not change anything: the same
/// findings, in the same order, the same suppressions and coverage.
@Suite("Linting on every core")
struct ParallelLintTests {
    /// A tree of many small apps, each with problems for schema, reference, workload and
    /// suppression rules, across more resources than one piece of work holds.
    private static func tree(apps: Int) -> LoadedTree {
        var inputs: [Loader.Input] = []
        for app in 0..<apps {
            let name = "app-\(app)"
            let deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  annotations:
                    kubelint.dev/ignore.configmap-key-missing: "keys come from a later release"
                spec:
                  replica: 2
                  selector: {matchLabels: {app: \(name)}}
                  template:
                    metadata: {labels: {app: \(name), tier: \(app % 2 == 0 ? "web" : "Bad Value")}}
                    spec:
                      containers:
                      - name: \(name)
                        image: nginx
                        ports: [{containerPort: \(app % 7 == 0 ? 70000 : 8080)}]
                        env:
                        - name: A
                          valueFrom: {configMapKeyRef: {name: \(name)-config, key: missing}}
                        - name: B
                          valueFrom: {secretKeyRef: {name: \(name)-secret, key: token}}
                      volumes: [{name: data, persistentVolumeClaim: {claimName: \(name)-data}}]
                """
            let service = """
                apiVersion: v1
                kind: Service
                metadata: {name: \(name)}
                spec:
                  selector: {app: \(app % 3 == 0 ? "nobody" : name)}
                  ports: [{port: 80, targetPort: http}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: \(name)-config}
                data: {present: "1", enabled: yes}  # kubelint:ignore string-expected parsed by the app
                """
            inputs.append(.bytes(name: "apps/\(name)/deployment.yaml", Array(deployment.utf8)))
            inputs.append(.bytes(name: "apps/\(name)/service.yaml", Array(service.utf8)))
        }
        return Loader.load(inputs, options: LoadOptions(parallel: false))
    }

    @Test func everyCoreFindsWhatOneThreadFinds() {
        let tree = Self.tree(apps: 400)
        #expect(tree.resources.count > 3 * Linter.resourcesPerPiece)
        let serial = Linter(parallel: false).lint(tree)
        let parallel = Linter(parallel: true).lint(tree)
        #expect(serial.findings.count > 1000)
        #expect(!serial.suppressed.isEmpty)
        #expect(parallel.findings == serial.findings)
        #expect(parallel.suppressed == serial.suppressed)
        #expect(parallel.coverage == serial.coverage)
        let rules = Set(serial.findings.map(\.ruleID))
        for rule in ["unknown-field", "invalid-port", "invalid-label", "secret-missing", "pvc-missing", "service-selector-no-match"] {
            #expect(rules.contains(rule), "no \(rule) finding")
        }
    }

    @Test func theSchemaReportIsTheSameOnEveryCore() {
        let tree = Self.tree(apps: 200)
        let index = ResourceIndex(tree.resources)
        let serial = SchemaReport(index: index, target: LintConfiguration().kubernetesVersion, parallel: false)
        let parallel = SchemaReport(index: index, target: LintConfiguration().kubernetesVersion, parallel: true)
        for resource in tree.resources {
            #expect(parallel.problems(for: resource).map(\.message) == serial.problems(for: resource).map(\.message))
            #expect(parallel.classification(of: resource) == serial.classification(of: resource))
        }
    }

    @Test func piecesCoverEveryIndexOnce() {
        for (total, size) in [(0, 4), (1, 4), (4, 4), (5, 4), (1000, 256), (7, 1)] {
            let ranges = ParallelMap.ranges(of: total, size: size)
            #expect(ranges.flatMap { Array($0) } == Array(0..<total), "\(total) by \(size)")
            #expect(ranges.allSatisfy { $0.count <= size })
        }
        #expect(ParallelMap.map(count: 100, parallel: true) { $0 * 2 } == (0..<100).map { $0 * 2 })
    }
}
