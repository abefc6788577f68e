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

/// The full text of every apiVersion rule's message: the release facts, the advice the target
/// can follow, and the target itself.
@Suite("Messages of the apiVersion rules")
struct APIVersionMessageTests {
    private func messages(_ manifest: String, target: KubernetesVersion? = nil, rule: String) -> [String] {
        let tree = Loader.load([.bytes(name: "m.yaml", Array(manifest.utf8))])
        let configuration = LintConfiguration(kubernetesVersion: target)
        return Linter(configuration: configuration).lint(tree).findings.filter { $0.ruleID == rule }.map(\.message)
    }

    private let ingressWithPaths = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
          - http:
              paths:
              - path: /
                backend: {serviceName: web, servicePort: 80}
        """
    private let ingressWithoutPaths = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: web}
        spec:
          backend: {serviceName: web, servicePort: 80}
        """

    @Test func removedAtTheDefaultTargetSaysItIsTheDefault() {
        #expect(messages(ingressWithoutPaths, rule: "api-version-removed") == [
            "extensions/v1beta1 Ingress is not served since Kubernetes 1.22 (target 1.37, kubelint's default: set --kube-version "
                + "or kubernetesVersion to the cluster's release): use networking.k8s.io/v1 (available since 1.19); rename "
                + "`spec.backend` to `spec.defaultBackend`, each backend's `serviceName` to `service.name` and `servicePort` to "
                + "`service.port.number` (or `service.port.name` for a named port)",
        ])
    }

    @Test func pathTypeIsMentionedOnlyWhenTheIngressHasPaths() {
        #expect(messages(ingressWithPaths, target: .v1(22), rule: "api-version-removed") == [
            "extensions/v1beta1 Ingress is not served since Kubernetes 1.22 (target 1.22): use networking.k8s.io/v1 (available "
                + "since 1.19); rename `spec.backend` to `spec.defaultBackend`, each backend's `serviceName` to `service.name` "
                + "and `servicePort` to `service.port.number` (or `service.port.name` for a named port), and set `pathType` "
                + "(Prefix, Exact or ImplementationSpecific) on every path",
        ])
    }

    @Test func deprecatedAdviceIsServedByTheTarget() {
        // 1.16 has no networking.k8s.io/v1: its replacement is v1beta1, with the same fields.
        #expect(messages(ingressWithPaths, target: .v1(16), rule: "api-version-deprecated") == [
            "extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and not served from 1.22 (target 1.16): "
                + "use networking.k8s.io/v1beta1 (available since 1.14)",
        ])
        let flowSchema = """
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta2
            kind: FlowSchema
            metadata: {name: tenants}
            spec: {priorityLevelConfiguration: {name: workload-low}}
            """
        #expect(messages(flowSchema, target: .v1(26), rule: "api-version-deprecated") == [
            "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated since Kubernetes 1.26 and not served from 1.29 "
                + "(target 1.26): use flowcontrol.apiserver.k8s.io/v1beta3 (available since 1.26)",
        ])
    }

    @Test func deprecationsTheLifecycleTells() {
        let review = """
            apiVersion: authentication.k8s.io/v1beta1
            kind: TokenReview
            spec: {token: abc}
            """
        #expect(messages(review, target: .v1(20), rule: "api-version-deprecated") == [
            "authentication.k8s.io/v1beta1 TokenReview is deprecated since Kubernetes 1.19 and not served from 1.22 "
                + "(target 1.20): use authentication.k8s.io/v1",
        ])
        let claim = """
            apiVersion: resource.k8s.io/v1beta1
            kind: DeviceClass
            metadata: {name: gpu}
            """
        #expect(messages(claim, target: .v1(35), rule: "api-version-deprecated") == [
            "resource.k8s.io/v1beta1 DeviceClass is deprecated since Kubernetes 1.35 (target 1.35): use resource.k8s.io/v1 "
                + "(available since 1.34)",
        ])
    }

    @Test func aRemovalWithoutReplacementSaysWhatToDo() {
        let policy = """
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata: {name: restricted}
            """
        #expect(messages(policy, target: .v1(25), rule: "api-version-removed") == [
            "policy/v1beta1 PodSecurityPolicy is not served since Kubernetes 1.25 (target 1.25): there is no replacement API: "
                + "use Pod Security Admission (namespace labels) or an admission webhook",
        ])
        let lease = """
            apiVersion: coordination.k8s.io/v1alpha1
            kind: LeaseCandidate
            metadata: {name: scheduler}
            """
        #expect(messages(lease, target: .v1(32), rule: "api-version-removed") == [
            "coordination.k8s.io/v1alpha1 LeaseCandidate is not served since Kubernetes 1.32 (target 1.32): "
                + "use coordination.k8s.io/v1alpha2 (available since 1.32)",
        ])
    }

    @Test func unavailableNamesWhatTheTargetServes() {
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
            """
        #expect(messages(ingress, target: .v1(13), rule: "api-version-unavailable") == [
            "networking.k8s.io/v1 Ingress is not served by Kubernetes 1.13: it was added in 1.19; "
                + "Kubernetes 1.13 serves Ingress as extensions/v1beta1",
        ])
        let autoscaler = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
            """
        #expect(messages(autoscaler, target: .v1(22), rule: "api-version-unavailable") == [
            "autoscaling/v2 HorizontalPodAutoscaler is not served by Kubernetes 1.22: it was added in 1.23; "
                + "Kubernetes 1.22 serves HorizontalPodAutoscaler as autoscaling/v1, autoscaling/v2beta2, autoscaling/v2beta1",
        ])
    }

    @Test func unknownKindMessages() {
        #expect(messages("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n", rule: "unknown-kind") == [
            "apps/v1 has no kind 'Deploymnet'; did you mean 'Deployment'?",
        ])
        // Only what the target serves and does not deprecate: apps/v1beta2 and the others were
        // deprecated by 1.13.
        #expect(messages("apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\n", target: .v1(13), rule: "unknown-kind") == [
            "Deployment is not served as v1; use apps/v1",
        ])
        #expect(messages("apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\n", rule: "unknown-kind") == [
            "Deployment is not served as v1; use apps/v1",
        ])
    }

    /// unknown-kind advises only apiVersions served at the target: never an alpha version when
    /// another is served (batch/v2alpha1 is off unless a cluster enables it), never one that
    /// the target no longer or not yet serves.
    @Test func unknownKindAdvisesOnlyWhatTheTargetServes() {
        let cronJob = "apiVersion: apps/v1\nkind: CronJob\nmetadata: {name: report}\n"
        #expect(messages(cronJob, target: .v1(13), rule: "unknown-kind") == ["CronJob is not served as apps/v1; use batch/v1beta1"])
        #expect(messages(cronJob, target: .v1(20), rule: "unknown-kind") == ["CronJob is not served as apps/v1; use batch/v1beta1"])
        #expect(messages(cronJob, target: .v1(21), rule: "unknown-kind") == ["CronJob is not served as apps/v1; use batch/v1"])
        let policy = "apiVersion: v1\nkind: PodSecurityPolicy\nmetadata: {name: restricted}\n"
        #expect(messages(policy, target: .v1(20), rule: "unknown-kind") == ["PodSecurityPolicy is not served as v1; use policy/v1beta1"])
        #expect(messages(policy, target: .v1(30), rule: "unknown-kind") == [
            "PodSecurityPolicy is not served as v1, and Kubernetes 1.30 serves it under no apiVersion: the last, policy/v1beta1, "
                + "was removed in 1.25; there is no replacement API: use Pod Security Admission (namespace labels) or an admission webhook",
        ])
        #expect(messages(policy, rule: "unknown-kind") == [
            "PodSecurityPolicy is not served as v1, and Kubernetes 1.37 serves it under no apiVersion (target 1.37, kubelint's default: "
                + "set --kube-version or kubernetesVersion to the cluster's release): the last, policy/v1beta1, was removed in 1.25; "
                + "there is no replacement API: use Pod Security Admission (namespace labels) or an admission webhook",
        ])
        let admissionPolicy = "apiVersion: v1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: replicas}\n"
        #expect(messages(admissionPolicy, target: .v1(13), rule: "unknown-kind") == [
            "ValidatingAdmissionPolicy is not served as v1, and Kubernetes 1.13 serves it under no apiVersion: "
                + "admissionregistration.k8s.io/v1beta1 serves it from 1.28",
        ])
        #expect(messages(admissionPolicy, target: .v1(27), rule: "unknown-kind") == [
            "ValidatingAdmissionPolicy is not served as v1; use admissionregistration.k8s.io/v1alpha1 (alpha: served only where the cluster enables it)",
        ])
    }
}
