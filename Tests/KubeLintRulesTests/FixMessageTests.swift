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

/// The notes and summaries of fixes that the rules' examples do not show, pinned word for word.
@Suite("Fix notes and summaries")
struct FixMessageTests {
    private func notes(_ text: String, version: KubernetesVersion? = nil, rule: any Rule.Type = APIVersionRemovedRule.self) -> [String] {
        runFix([("example.yaml", text)], rules: [rule], version: version).notFixed.map(\.reason)
    }

    private let ingressHead = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\n"

    @Test func ingressBackendsThatCannotBeRewritten() {
        #expect(notes(ingressHead + "x: &b {serviceName: web, servicePort: 80}\nspec:\n  backend: *b\n")
            == ["the backend at line 6 is an alias (*b); rewrite the anchored backend by hand"])
        #expect(notes(ingressHead + "spec:\n  backend:\n    serviceName: web\n")
            == ["the backend at line 6 needs both serviceName and servicePort"])
        #expect(notes(ingressHead + "spec:\n  backend:\n    serviceName: web\n    resource: {kind: Bucket, name: b}\n    servicePort: 80\n")
            == ["serviceName and servicePort are not next to each other"])
        #expect(notes(ingressHead + "spec:\n  backend: {serviceName: web, servicePort: [80]}\n")
            == ["servicePort at line 5 is not a single value"])
        #expect(notes(ingressHead + "spec:\n  backend: {serviceName: web, servicePort: 80}\n  defaultBackend: {}\n")
            == ["spec has both backend and defaultBackend"])
    }

    @Test func autoscalerMetricsThatCannotBeRewritten() {
        let head = "apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n  metrics:\n"
        #expect(notes(head + "  - type: Resource\n    resource: {name: cpu, targetAverageUtilization: 80, targetAverageValue: 1}\n")
            == ["the Resource metric at line 8 sets both targetAverageUtilization and targetAverageValue"])
        #expect(notes(head + "  - type: External\n    external:\n      metricName: queue\n      targetValue: 3\n      metricSelector: {matchLabels: {q: a}}\n")
            == ["metricName and metricSelector are not next to each other"])
        #expect(notes(head + "  - type: Pods\n    pods: {metricName: packets}\n")
            == ["the metric at line 9 has no targetAverageValue"])
    }

    @Test func listItemsAreFixedOneByOne() {
        let job = "{apiVersion: batch/v1beta1, kind: CronJob, metadata: {name: NAME}, spec: {schedule: \"* * * * *\", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: a}]}}}}}}"
        let text = "apiVersion: v1\nkind: List\nx: &d \(job.replacingOccurrences(of: "NAME", with: "a"))\nitems:\n- *d\n- \(job.replacingOccurrences(of: "NAME", with: "b"))\n"
        let run = runFix([("example.yaml", text)], rules: [APIVersionRemovedRule.self])
        #expect(run.applied.map(\.finding.location.line) == [6])
        #expect(run.notFixed.map(\.reason) == ["the object is written as an alias of a mapping anchored elsewhere; move it by hand"])
    }

    @Test func aFixThatWouldPartAFindingFromItsSuppressionIsLeftAndTheOthersMade() {
        let manifest = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: web
              labels: {enabled: yes}
            spec:
              backend:
                # kubelint:ignore ingress-service-missing made by the platform
                serviceName: platform-web
                servicePort: 80

            """
        let run = runFix([("example.yaml", manifest)], rules: [APIVersionRemovedRule.self, StringExpectedRule.self, IngressServiceMissingRule.self])
        #expect(run.applied.map(\.summary) == ["quoted as \"yes\""])
        #expect(run.notFixed.map(\.reason) == [
            "fixing it would move a finding of ingress-service-missing off the line its suppression at line 8 applies to; fix it by hand and move the suppression along",
        ])
        #expect(run.changedFiles.map { text($0.fixed) } == [manifest.replacingOccurrences(of: "enabled: yes", with: "enabled: \"yes\"")])
        #expect(run.result.suppressed.count == 1)
    }

    @Test func movesWithoutAReplacementOrToAnotherKind() {
        #expect(notes("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: strict}\nspec: {}\n")
            == ["Kubernetes 1.37 serves no replacement for policy/v1beta1 PodSecurityPolicy"])
    }

    @Test func summariesSayWhatChanged() {
        let run = runFix([("example.yaml", ingressHead + "spec:\n  backend: {serviceName: web, servicePort: 80}\n")],
                         rules: [APIVersionDeprecatedRule.self], version: KubernetesVersion(major: 1, minor: 16))
        // At 1.16 the replacement is networking.k8s.io/v1beta1, which keeps the backend's form.
        #expect(run.applied.map(\.summary) == ["extensions/v1beta1 → networking.k8s.io/v1beta1"])
        #expect(run.changedFiles.map { text($0.fixed) } == ["apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n"])
        let shares = runFix([("example.yaml", """
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta2
            kind: PriorityLevelConfiguration
            metadata: {name: batch}
            spec:
              type: Limited
              limited:
                assuredConcurrencyShares: 10   # a tenth
                limitResponse: {type: Reject}

            """)], rules: [APIVersionRemovedRule.self])
        #expect(shares.applied.map(\.summary) == [
            "flowcontrol.apiserver.k8s.io/v1beta2 → flowcontrol.apiserver.k8s.io/v1; spec.limited.assuredConcurrencyShares → nominalConcurrencyShares",
        ])
        #expect(shares.changedFiles.first.map { text($0.fixed) }?.contains("    nominalConcurrencyShares: 10   # a tenth\n") == true)
    }
}
