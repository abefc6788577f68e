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

/// The full messages of the default-profile rules added for parity with kube-linter and
/// kube-score, as their triggering examples produce them.
@Suite("Messages of the default-profile parity rules")
struct DefaultProfileMessageTests {
    @Test func probePortMissing() {
        #expect(exampleMessages("probe-port-missing") == [
            "livenessProbe of container 'web' targets port 'health', which the container does not declare; the probe fails and the kubelet restarts the container again and again",
            "readinessProbe of container 'web' targets port 'htpp', which the container does not declare; the probe fails and the pod never receives Service traffic",
        ])
    }

    @Test func statefulSetServiceName() {
        #expect(exampleMessages("statefulset-service-name") == [
            "Service db-headless is not in the tree in namespace 'default'; the StatefulSet's pods get no DNS names",
            "Service cache is not headless (clusterIP: None), so the StatefulSet's pods get no DNS names of their own",
        ])
    }

    @Test func networkPolicies() {
        #expect(exampleMessages("network-policy-selects-nothing") == [
            "the podSelector matches no Pod or workload template in namespace 'default'; the policy isolates nothing",
        ])
        #expect(exampleMessages("network-policy-peer-selects-nothing") == [
            "the peer's podSelector matches no Pod or workload template in namespace 'default'; the rule allows traffic from no pod",
            "the peer's podSelector matches no Pod or workload template in namespace 'default'; the rule allows traffic to no pod",
        ])
    }

    @Test func serviceMonitor() {
        #expect(exampleMessages("service-monitor-selects-nothing") == [
            "the selector matches the labels of no Service in namespace 'default'; Prometheus scrapes nothing for this ServiceMonitor",
        ])
    }

    @Test func restartPolicy() {
        #expect(exampleMessages("restart-policy-invalid") == [
            "CronJob pods need restartPolicy OnFailure or Never; left out, it is Always, which the API server rejects for a CronJob",
            "restartPolicy OnFailure is not allowed in a Deployment's pod template (only Always); the API server rejects the Deployment",
        ])
    }

    @Test func topologySpread() {
        #expect(exampleMessages("topology-spread-invalid") == [
            "spec.topologySpreadConstraints[0].maxSkew is 0, but it must be at least 1; the API server rejects the pod",
            "spec.topologySpreadConstraints[1].minDomains is only allowed with whenUnsatisfiable: DoNotSchedule, not ScheduleAnyway; the API server rejects the pod",
        ])
        #expect(exampleMessages("topology-spread-no-selector") == [
            "spec.template.spec.topologySpreadConstraints[0] has no labelSelector: it counts no pods, so it never spreads any",
        ])
    }

    @Test func serviceMonitorLooksOnlyWhereTheTreeHasServices() {
        let monitor = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: api, namespace: monitoring}
            spec:
              namespaceSelector: {matchNames: [shop]}
              selector:
                matchLabels: {app: api}
              endpoints: [{port: metrics}]
            """
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """
        // The tree has no Service in shop: they may be made elsewhere.
        #expect(findings(of: "service-monitor-selects-nothing", in: ["monitor.yaml": monitor]).isEmpty)
        #expect(placedMessages(findings(of: "service-monitor-selects-nothing", in: ["monitor.yaml": monitor, "service.yaml": service])) == [
            "monitor.yaml:7:24 the selector matches the labels of no Service in namespaces shop; Prometheus scrapes nothing for this ServiceMonitor",
        ])
    }

    @Test func anOpenShiftDeploymentConfigRunsPods() {
        // kube-linter counts DeploymentConfigs among the objects that run pods; so does kubelint,
        // through their standard pod template.
        let config = """
            apiVersion: apps.openshift.io/v1
            kind: DeploymentConfig
            metadata: {name: web}
            spec:
              replicas: 2
              selector: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: web:1.0
                    readinessProbe:
                      httpGet: {path: /, port: http}
            """
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector:
                matchLabels: {app: web}
            """
        #expect(findings(of: "network-policy-selects-nothing", in: ["dc.yaml": config, "policy.yaml": policy]).isEmpty)
        #expect(placedMessages(findings(of: "probe-port-missing", in: ["dc.yaml": config])) == [
            "dc.yaml:15:36 readinessProbe of container 'web' targets port 'http', which the container does not declare; the probe fails and the pod never receives Service traffic",
        ])
    }
}
