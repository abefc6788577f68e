import Foundation
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

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite("Reading contracts")
struct ContractParserTests {
    @Test func theStagingContractStatesTheGuidesInvariants() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/rules/staging.yaml", encoding: .utf8)
        let parsed = ContractParser.parse(text, file: "rules/staging.yaml")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let contract = try #require(parsed.contract)
        #expect(contract.name.value == "staging")
        let byKind = Dictionary(uniqueKeysWithValues: contract.expectations.map { ($0.kind.value, $0) })
        let claims = try #require(byKind["PersistentVolumeClaim"])
        #expect(claims.isOnly)
        #expect(claims.objects.map(\.name.value) == ["api-pv", "broker-pv", "rdms-pv", "web-pv", "worker-pv"])
        #expect(claims.objects.map { $0.clauses.storage?.value } == ["1Gi", "1Gi", "2Gi", "1Gi", "1Gi"])
        #expect(claims.each.accessModes?.value.map(\.value) == ["ReadWriteOnce"])
        #expect(byKind["ConfigMap"]?.objects.count == 5)
        #expect(byKind["Pod"]?.count?.value == 1)
        #expect(byKind["Pod"]?.objects.first?.clauses.bare?.value == true)
        let broker = try #require(byKind["Deployment"]?.objects.first { $0.name.value == "broker" })
        #expect(broker.clauses.replicas?.value == 1 && broker.clauses.autoscaled?.value == false)
        #expect(byKind["Deployment"]?.objects.first { $0.name.value == "scheduler" }?.clauses.exposed?.value == false)
        let services = try #require(byKind["Service"]?.objects)
        #expect(services.map { $0.clauses.ports?.value.map(\.value) ?? [] } == [[5432], [6379], [8000], [5555], [8080], [8880]])
        #expect(services.map { $0.clauses.type?.value } == ["ClusterIP", "ClusterIP", "ClusterIP", "ClusterIP", "NodePort", "ClusterIP"])
        #expect(services.first?.clauses.selects?.value == ContractObjectReference(kind: "Pod", name: "rdms"))
        #expect(byKind["Ingress"]?.each.allTrafficTo?.value == TrafficTarget(service: "web", port: .int(8080)))
    }

    @Test func problemsPointAtTheirPositions() {
        let parsed = ContractParser.parse("""
            contract: demo
            expect:
            - kind: Service
              objects:
              - name: web
                type: Nodeport
                ports: [8080, 70000]
                selects: web
              - name: web
            - kind: Pod
              each:
                bare: false
            - kind: Service
            """, file: "c.yaml")
        let positions = parsed.problems.map { "\($0.mark.line):\($0.mark.column)" }
        #expect(positions == ["6:11", "7:19", "8:14", "9:11", "12:11", "13:9"], "\(parsed.problems.map(\.message))")
        #expect(parsed.problems.allSatisfy { $0.origin == .contract && $0.file == "c.yaml" })
        // What is valid still applies.
        #expect(parsed.contract?.expectations.first?.objects.first?.clauses.ports?.value.map(\.value) == [8080])
    }

    @Test func theDescriptionIsAcceptedAsTextForReaders() {
        let described = ContractParser.parse("contract: demo\ndescription: What we rely on.\nexpect: []\n", file: "c.yaml")
        #expect(described.problems.isEmpty, "\(described.problems.map(\.message))")
        #expect(described.contract != nil)
        let wrongType = ContractParser.parse("contract: demo\ndescription: [a, b]\nexpect: []\n", file: "c.yaml")
        #expect(wrongType.problems.map(\.message) == ["description must be a string, found a list"])
        #expect(wrongType.problems.map(\.mark.line) == [2])
    }

    @Test func aContractWithoutItsOutlineIsNotUsed() {
        let parsed = ContractParser.parse("expect: []\n", file: "c.yaml")
        #expect(parsed.contract == nil)
        #expect(parsed.problems.map(\.message) == ["the contract needs 'contract'"])
        #expect(ContractParser.parse("", file: "c.yaml").problems.map(\.message) == ["the contract is empty"])
    }
}

@Suite("Quantities")
struct QuantityTests {
    @Test func unitsCompareByValue() {
        #expect(Quantity.equal("1Gi", "1024Mi"))
        #expect(Quantity.equal("2G", "2000M"))
        #expect(Quantity.equal("1.5Gi", "1536Mi"))
        #expect(Quantity.equal("1e3", "1k"))
        #expect(!Quantity.equal("1Gi", "1G"))
        #expect(!Quantity.equal("1Gi", "2Gi"))
        #expect(Quantity.value("lots") == nil)
        #expect(Quantity.value("1Gb") == nil)
        #expect(Quantity.value("") == nil)
    }
}
