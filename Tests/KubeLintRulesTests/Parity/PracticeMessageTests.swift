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

/// The full messages of the reliability-practice rules (the `recommended` profile).
@Suite("Messages of the practice rules")
struct PracticeMessageTests {
    @Test func probes() {
        #expect(exampleMessages("liveness-probe-missing") == [
            "container 'web' has no livenessProbe; if it hangs, the kubelet never restarts it",
        ])
        #expect(exampleMessages("readiness-probe-missing") == [
            "container 'web' has no readinessProbe, but a Service sends traffic to its pods; they receive requests before they are ready",
        ])
        #expect(exampleMessages("probes-identical") == [
            "container 'web' runs the same check (httpGet /health on port 8080) for liveness and readiness; when it fails, the kubelet restarts a container that only needed a pause",
        ])
        #expect(exampleMessages("probe-port-undeclared") == [
            "readinessProbe of container 'web' checks port 80, which the container does not declare (it declares 8080)",
        ])
    }

    @Test func resourcesAndImages() {
        #expect(exampleMessages("resources-unset") == [
            "container 'web' sets no requests.cpu, requests.memory, limits.memory; the scheduler cannot place it by what it needs, and nothing bounds its memory",
            "container 'proxy' sets no requests.memory, limits.memory; the scheduler cannot place it by what it needs, and nothing bounds its memory",
        ])
        #expect(exampleMessages("image-tag-unpinned") == [
            "container 'web' runs gcr.io/shop/web:latest, whose tag latest moves with every push; each node may pull a different image",
            "container 'proxy' runs registry.example.com:5000/envoy, which has no tag (so it is latest); each node may pull a different image",
        ])
    }

    @Test func replicasAndRollouts() {
        #expect(exampleMessages("replicas-minimum") == [
            "Deployment web runs 1 replica behind a Service; any rollout, drain or crash takes the Service down",
        ])
        #expect(exampleMessages("rolling-update-strategy") == [
            "Deployment web updates with Recreate, which stops every pod before starting new ones: each rollout is an outage for the Service",
        ])
        #expect(exampleMessages("pod-anti-affinity-missing") == [
            "nothing keeps the pods of Deployment web (at least 3) on different nodes; one node's failure can stop them all",
        ])
        #expect(exampleMessages("hpa-min-replicas") == [
            "minReplicas is left out (1); when load is low the workload runs a single pod, which any rollout, drain or crash takes down",
            "minReplicas is 1; when load is low the workload runs a single pod, which any rollout, drain or crash takes down",
        ])
        #expect(exampleMessages("hpa-replicas-set") == [
            "Deployment web sets replicas: 3 but an autoscaler scales it; every apply resets it to 3",
        ])
    }

    @Test func disruptionBudgets() {
        #expect(exampleMessages("pdb-missing") == [
            "no PodDisruptionBudget selects the pods of Deployment web (at least 3); a node drain may evict them all at once",
        ])
        #expect(exampleMessages("pdb-blocks-disruption") == [
            "minAvailable is 3 and the budget covers 3 pods; no pod may ever be evicted, so every node drain waits on them",
            "maxUnavailable is 0; no pod may ever be evicted, so every node drain waits on these pods",
        ])
        #expect(exampleMessages("pdb-policy-missing") == [
            "the budget sets neither minAvailable nor maxUnavailable, so it allows every eviction and protects nothing",
        ])
        #expect(exampleMessages("pdb-unhealthy-eviction-policy") == [
            "unhealthyPodEvictionPolicy is left to IfHealthyBudget: pods that are not ready cannot be evicted while the budget is short, so drains wait on broken pods",
        ])
    }

    @Test func jobsAndAccounts() {
        #expect(exampleMessages("cronjob-deadline-missing") == [
            "the CronJob sets no startingDeadlineSeconds; runs that could not start on time are started late, and after 100 missed schedules none at all",
        ])
        #expect(exampleMessages("job-ttl-after-finished") == [
            "the Job sets no ttlSecondsAfterFinished; it and its pods stay in the cluster until someone deletes them",
            "the CronJob's Jobs set ttlSecondsAfterFinished, which deletes them behind the CronJob's history limits",
        ])
        #expect(exampleMessages("deprecated-service-account-field") == [
            "serviceAccount is the deprecated name of serviceAccountName; write serviceAccountName: web",
        ])
    }

    @Test func autoscaledWorkloadsAreCountedByTheirMinimum() {
        let files = [
            "web.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "web:1.0"}]
                """,
            "hpa.yaml": """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 4
                  maxReplicas: 8
                """,
        ]
        #expect(findings(of: "pdb-missing", in: files).map(\.message) == [
            "no PodDisruptionBudget selects the pods of Deployment web (at least 4); a node drain may evict them all at once",
        ])
        // A budget that keeps all four, and one that covers a DaemonSet too (uncountable).
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 4
              selector: {matchLabels: {app: web}}
            """
        #expect(findings(of: "pdb-blocks-disruption", in: files.merging(["pdb.yaml": budget]) { $1 }).map(\.message) == [
            "minAvailable is 4 and the budget covers 4 pods; no pod may ever be evicted, so every node drain waits on them",
        ])
        let daemons = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: agent, image: "agent:1.0"}]
            """
        #expect(findings(of: "pdb-blocks-disruption", in: files.merging(["pdb.yaml": budget, "ds.yaml": daemons]) { $1 }).isEmpty)
    }
}
