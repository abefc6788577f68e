import Foundation
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

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The objects the contract clause rules check, now made once per run by the context.
@Suite("Contract subjects")
struct ContractSubjectTests {
    private func stagingContext(namespace: String? = nil) throws -> LintContext {
        var text = try String(contentsOfFile: repositoryRoot + "/rules/staging.yaml", encoding: .utf8)
        if let namespace { text = "namespace: \(namespace)\n" + text }
        let contract = try #require(ContractParser.parse(text, file: "rules/staging.yaml").contract)
        let tree = Loader.load(paths: [repositoryRoot + "/fixtures/staging/k8s"])
        var configuration = LintConfiguration()
        configuration[ConfiguredContracts.self].contracts = [ScopedContract(contract)]
        return Linter(configuration: configuration).context(tree, deriving: [ContractSubjects.self])
    }

    @Test func theStagingContractGovernsEveryObjectItHasClausesFor() throws {
        let subjects = try stagingContext()[ContractSubjects.self].all
        // Kinds in contract order, objects in tree order; Deployments without clauses of their
        // own (api, monitor, web, worker) are not subjects.
        #expect(subjects.map { "\($0.resource.kind?.value ?? "?")/\($0.resource.name ?? "?")" } == [
            "PersistentVolumeClaim/api-pv", "PersistentVolumeClaim/broker-pv", "PersistentVolumeClaim/rdms-pv",
            "PersistentVolumeClaim/web-pv", "PersistentVolumeClaim/worker-pv",
            "ConfigMap/api-multi-api-env", "ConfigMap/monitor-multi-monitor-env", "ConfigMap/rdms-rdms-rdms-env",
            "ConfigMap/scheduler-multi-api-env", "ConfigMap/worker-multi-worker-env",
            "Pod/rdms",
            "Deployment/broker", "Deployment/scheduler",
            "Service/api", "Service/broker", "Service/monitor", "Service/rdms", "Service/web", "Service/worker",
            "Ingress/ingress-controller",
        ])
        // An object's own clauses are added to the kind's `each` clauses.
        let database = try #require(subjects.first { $0.resource.name == "rdms-pv" })
        #expect(database.clauses.storage?.value == "2Gi")
        #expect(database.clauses.accessModes?.value.map(\.value) == ["ReadWriteOnce"])
    }

    @Test func aContractSeesOnlyItsOwnNamespace() throws {
        #expect(try stagingContext(namespace: "production")[ContractSubjects.self].all.isEmpty)
    }
}
