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

/// The full messages of the optional rules (the `all` profile only).
@Suite("Messages of the optional rules")
struct OptionalMessageTests {
    @Test func messages() {
        #expect(exampleMessages("image-pull-policy-not-always") == [
            "container 'web' pulls its image with IfNotPresent (the default for a tagged image): a node that has it starts it without asking the registry",
            "container 'agent' pulls its image with IfNotPresent: a node that has it starts it without asking the registry",
        ])
        #expect(exampleMessages("ephemeral-storage-unset") == [
            "container 'web' sets no ephemeral-storage request or limit; its logs and scratch files can fill the node's disk",
        ])
        #expect(exampleMessages("requests-differ-from-limits") == [
            "container 'web' requests 128Mi of memory but may use 512Mi; its share depends on its neighbours",
        ])
        #expect(exampleMessages("node-affinity-missing") == [
            "the pods of Deployment web name no node affinity or nodeSelector, so they may run on any node",
        ])
    }

    @Test func aContainerWithoutANameIsNamedByItsPath() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - image: web:1.0
                resources:
                  requests: {memory: 64Mi}
                  limits: {memory: 128Mi}
            """
        #expect(findings(of: "requests-differ-from-limits", in: ["pod.yaml": pod]).map(\.message) == [
            "container spec.containers[0] requests 64Mi of memory but may use 128Mi; its share depends on its neighbours",
        ])
    }
}
