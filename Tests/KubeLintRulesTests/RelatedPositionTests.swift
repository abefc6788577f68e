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

/// Findings about a broken link between two objects name the other side too: the reader sees
/// which side changed, and `--changed-files` reports the finding when either side changed.
@Suite("Related positions of selector and port findings")
struct RelatedPositionTests {
    private func lint(_ files: [String: String]) -> [Finding] {
        let inputs = files.sorted { $0.key < $1.key }.map { Loader.Input.bytes(name: $0.key, Array($0.value.utf8)) }
        return Linter(configuration: LintConfiguration()).lint(Loader.load(inputs)).findings
    }

    private func notes(_ findings: [Finding], _ ruleID: String) -> [String] {
        findings.filter { $0.ruleID == ruleID }.flatMap(\.related).map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
    }

    static func deployment(name: String, label: String, port: String = "- containerPort: 8080") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          selector:
            matchLabels:
              app: \(label)
          template:
            metadata:
              labels:
                app: \(label)
                tier: front
            spec:
              containers:
              - name: main
                image: nginx
                ports:
                \(port)
        """
    }

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
            tier: front
          ports:
          - port: 80
            targetPort: 8080
        """

    @Test func aSelectorThatMatchesNothingNamesTheWorkloadsItWasProbablyWrittenFor() {
        let findings = lint([
            "service.yaml": Self.service,
            // Named like the Service, label renamed: the likely intended target.
            "web.yaml": Self.deployment(name: "web", label: "website"),
            // Shares `tier: front` only.
            "admin.yaml": Self.deployment(name: "admin", label: "admin"),
            // Shares nothing with the selector.
            "other.yaml": Self.deployment(name: "other", label: "other").replacingOccurrences(of: "tier: front", with: "tier: back"),
        ])
        #expect(notes(findings, "service-selector-no-match") == [
            "admin.yaml:12:14 Deployment admin gives its pods labels app: admin, tier: front",
            "web.yaml:12:14 Deployment web gives its pods labels app: website, tier: front",
        ])
    }

    @Test func aSelectorThatMatchesSomethingHasNoFindingAndNoNotes() {
        let findings = lint(["service.yaml": Self.service, "web.yaml": Self.deployment(name: "web", label: "web")])
        #expect(findings.filter { $0.ruleID == "service-selector-no-match" || $0.ruleID == "service-target-port" }.isEmpty)
    }

    @Test func aTargetPortNoContainerDeclaresPointsAtTheDeclaredPorts() {
        let findings = lint(["service.yaml": Self.service, "web.yaml": Self.deployment(name: "web", label: "web", port: "- containerPort: 9090")])
        #expect(notes(findings, "service-target-port") == ["web.yaml:19:11 Deployment web declares its container ports here"])
    }

    @Test func aBudgetThatProtectsNothingNamesWorkloadsSharingOneOfItsLabels() {
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: web
                  tier: front
            """
        let findings = lint(["budget.yaml": budget, "web.yaml": Self.deployment(name: "web", label: "website")])
        #expect(notes(findings, "pdb-selects-nothing") == ["web.yaml:12:14 Deployment web gives its pods labels app: website, tier: front"])
    }
}
