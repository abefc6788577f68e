import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PodSecurityEnforceRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "pod-security-enforce",
        severity: .error,
        category: .admission,
        summary: "A pod breaks the Pod Security level its namespace enforces, so the API server rejects it",
        rationale: """
            A Namespace labelled `pod-security.kubernetes.io/enforce: baseline` or `restricted` \
            (optionally pinned with `enforce-version: v1.29`) makes the API server's Pod \
            Security admission reject every pod in it that breaks a control of that level of \
            the Pod Security Standards, as the standards stood at that version (never newer \
            than the cluster: `--kube-version`). kubelint applies the same controls when the \
            Namespace is in the tree and the target release has the admission controller (1.23 \
            and later). A bare Pod is refused at `kubectl apply`; a Deployment, Job or other \
            workload is accepted, but every pod it creates is refused, so it never runs: \
            kubelint reports the offending field in the workload's pod template. Exemptions set \
            in the API server's own admission configuration (users, runtime classes, \
            namespaces) are not known to kubelint.
            """,
        remediation: """
            Change the field as the control requires (kubelint names the level and the control \
            of the Pod Security Standards), or move the workload to a namespace with a level it \
            meets.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      hostNetwork: ↓true
                      containers:
                      - name: web
                        image: nginx:1.27
                        securityContext:
                          privileged: ↓true
                """, otherFiles: ["namespace.yaml": shopNamespace(level: "baseline")]),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                  - name: web
                    image: nginx:1.27
                    ↓securityContext:
                      ↓capabilities:
                        add: [↓NET_ADMIN]
                """, otherFiles: ["namespace.yaml": shopNamespace(level: "restricted")]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                  - name: web
                    image: nginx:1.27
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities:
                        drop: [ALL]
                        add: [NET_BIND_SERVICE]
                """, otherFiles: ["namespace.yaml": shopNamespace(level: "restricted")]),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                """, otherFiles: ["namespace.yaml": shopNamespace(level: "restricted")],
                kubernetesVersion: KubernetesVersion(major: 1, minor: 22)),
        ]
    )

    static func shopNamespace(level: String, mode: String = "enforce") -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/\(mode): \(level)
        """
    }

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        context.podSecurityFindings(of: resource).compactMap { found in
            guard found.policy.mode == .enforce else { return nil }
            return finding(
                "\(found.violation.detail): forbidden by \(found.controlDescription), which namespace '\(found.policy.namespace)' "
                    + "enforces; the API server rejects \(resource.rejectedPods)",
                at: found.violation.mark, in: resource, related: [found.related]
            )
        }
    }
}
