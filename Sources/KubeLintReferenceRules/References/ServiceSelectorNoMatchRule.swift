import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ServiceSelectorNoMatchRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [UnreadInputs.self, ProducedObjects.self]

    package static let description = RuleDescription(
        id: "service-selector-no-match",
        severity: .error,
        category: .references,
        summary: "A Service's selector matches no Pod or workload template in its namespace",
        rationale: """
            A Service sends traffic to the pods whose labels include every entry of its selector. \
            When no Pod or workload template in the namespace carries them all, the Service has \
            no endpoints and every connection to it fails, usually after a label was renamed on \
            one side only. Services without a selector (endpoints managed by hand) and \
            ExternalName Services are not checked, nor are selector labels that controllers add \
            at run time (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`). Custom \
            resources run pods too: those with a pod template (Argo Rollouts), and those whose \
            operator the producer table knows (a CloudNativePG Cluster's instances, \
            prometheus-operator's Prometheus with `spec.podMetadata.labels`), with the labels \
            the operator gives them; a selector value that names a custom resource of a kind \
            the table does not know is info. The finding \
            notes the workloads the selector was probably written for (named like the Service, or \
            carrying some of its labels), so that the side that changed is plain to see. Pods \
            that an operator makes at run time are declared in the configuration's \
            `externalObjects` as `kind: Pod` with their `labels`.
            """,
        remediation: "Make the selector's labels match the pod template's labels (or the Pod's own labels).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: ↓webb
                  ports:
                  - port: 8080
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    ↓app: web
                    tier: backend
                  ports:
                  - port: 8080
                """, otherFiles: ["deployment.yaml": webDeployment, "pod.yaml": backendPod]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata:
                  name: main
                spec:
                  replicas: 2
                  podMetadata:
                    labels:
                      team: platform
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: prometheus-main
                spec:
                  selector:
                    app.kubernetes.io/name: prometheus
                    prometheus: main
                    team: platform
                  ports:
                  - name: web
                    port: 9090
                    targetPort: web
                """),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 8080
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: database
                spec:
                  ports:
                  - port: 5432
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: search
                spec:
                  type: ExternalName
                  externalName: search.example.com
                  selector:
                    app: search
                """),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web-0
                spec:
                  selector:
                    app: web
                    statefulset.kubernetes.io/pod-name: web-0
                  ports:
                  - port: 8080
                """, otherFiles: ["deployment.yaml": webDeployment]),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: prometheus-operated
                  namespace: monitoring
                spec:
                  selector:
                    app.kubernetes.io/name: prometheus
                  ports:
                  - port: 9090
                """, configuration: """
                externalObjects:
                - kind: Pod
                  name: prometheus
                  namespace: monitoring
                  labels:
                    app.kubernetes.io/name: prometheus
                """),
        ],
        equivalents: ["kube-linter:dangling-service", "kube-score:service-targets-pod"]
    )

    static let webDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx
        """

    static let backendPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: backend
          labels:
            tier: backend
        spec:
          containers:
          - name: backend
            image: api
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .service(let service) = resource.body, let selector = service.checkableSelector else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard context.index.podRunners(matching: selector, namespace: namespace).isEmpty else { return [] }
        guard !context.configuration.externalPodsExist(in: namespace, where: { selector.isSubset(of: $0) }) else { return [] }
        // A file that could not be parsed may hold the workload: its finding is the one to fix.
        guard context[UnreadInputs.self].file(mayRunPodsIn: namespace) == nil else { return [] }
        let related = context.likelyIntendedPodRunnerNotes(for: selector, selectingObjectName: resource.name, namespace: namespace)
        if let entry = context.firstLabelNoPodCarries(selector, namespace: namespace) {
            return [context.withProducerAdvice(finding(
                "no Pod or workload template \(context.inNamespace(namespace)) has the label \(entry.key): \(entry.value), so Service \(resource.name ?? "") has no endpoints",
                at: entry.valueMark, in: resource, related: related
            ), selector: selector, namespace: namespace)]
        }
        return [context.withProducerAdvice(finding(
            "no Pod or workload template \(context.inNamespace(namespace)) has all of the selector's labels (\(selector.inlineDescription)), so Service \(resource.name ?? "") has no endpoints",
            at: selector.entries.first?.keyMark ?? resource.nameMark, in: resource, related: related
        ), selector: selector, namespace: namespace)]
    }
}
