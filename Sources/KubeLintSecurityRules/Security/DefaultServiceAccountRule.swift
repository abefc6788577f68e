import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct DefaultServiceAccountRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "default-service-account",
        severity: .warning,
        category: .security,
        summary: "A pod runs as its namespace's default ServiceAccount with a token mounted",
        rationale: """
            Every pod that names no ServiceAccount runs as `default`, and gets its API token. \
            Permissions granted to `default` for one application then go to every pod of the \
            namespace, and a compromised pod holds a token it never needed. Pods that mount no \
            token (`automountServiceAccountToken: false`) are not judged.
            """,
        remediation: "Give the workload its own ServiceAccount (`serviceAccountName`), or set `automountServiceAccountToken: false` if it does not call the API.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    ↓spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  serviceAccountName: web
                  containers:
                  - name: web
                    image: nginx:1.27
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: static
                spec:
                  automountServiceAccountToken: false
                  containers:
                  - name: static
                    image: nginx:1.27
                """),
        ],
        equivalents: ["kube-linter:default-service-account"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource), let spec = resource.podTemplate?.spec,
              pod.field("automountServiceAccountToken")?.bool != false else { return [] }
        let account = spec.effectiveServiceAccount
        guard account == nil || account?.value == "default" || account?.value == "" else { return [] }
        let namespace = context.index.namespace(of: resource)
        // A default ServiceAccount in the tree that mounts no token: nothing to hand out.
        if let defaultAccount = context.index.object(kind: "ServiceAccount", namespace: namespace, name: "default"),
           case .serviceAccount(let settings) = defaultAccount.body, settings.automountServiceAccountToken?.value == false {
            return []
        }
        return [finding(
            "the pod runs as the default ServiceAccount of namespace '\(namespace)' with its token mounted; whatever default may do, it may do",
            at: account?.mark ?? pod.specKeyMark, in: resource
        )]
    }
}
