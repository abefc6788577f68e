import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidNameRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-name",
        severity: .error,
        category: .schema,
        summary: "An object, container, volume or data key name breaks Kubernetes' naming rules",
        rationale: """
            Most objects are named by DNS-1123 subdomains (lowercase letters, digits, '-' and '.', \
            at most 253 characters); Namespaces, containers and volumes by DNS-1123 labels (no '.', \
            at most 63); Services by DNS-1035 labels (starting with a letter), because the name \
            becomes a DNS record; a CronJob's name at most 52 characters. ConfigMap and Secret keys \
            allow letters, digits, '-', '_' and '.'. The API server refuses other names, often \
            only at deploy time.
            """,
        remediation: "Rename using lowercase letters, digits and '-' (e.g. `my-app`, not `My_App`).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ↓1st-api
                  namespace: ↓Prod
                spec:
                  ports:
                  - port: 80
                """),
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓My_App
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: ↓webServer
                        image: nginx
                        volumeMounts: [{name: cache, mountPath: /cache}]
                      volumes:
                      - name: ↓cache.dir
                        emptyDir: {}
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  ↓app settings.ini: "x=1"
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: system:controller:web
                rules: []
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web.settings-v2
                data:
                  app.properties: "x=1"
                  .env: "A=1"
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        switch context[SchemaReport.self].classification(of: resource) {
        case .builtIn, .builtInWithoutSchema:
            if let name = resource.metadata.name, let reason = Self.nameProblem(name.value, kind: resource.kind?.value ?? "", group: resource.group ?? "") {
                findings.append(finding("metadata.name: '\(name.value)' is not a valid name: \(reason)", at: name.mark, in: resource))
            }
        default:
            break
        }
        // The API server drops the namespace of a cluster-scoped object; "" is no namespace.
        if let namespace = resource.metadata.namespace, !namespace.value.isEmpty, !context.index.isClusterScoped(resource),
           let reason = ValueSyntax.dnsLabel(namespace.value) {
            findings.append(finding("metadata.namespace: '\(namespace.value)' is not a valid namespace name: \(reason)", at: namespace.mark, in: resource))
        }
        return findings + schemaFindings(resource, context: context)
    }

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidName = problem.kind { return true }
        return false
    }

    /// The naming rule of each kind, as the API server's validation applies it.
    static func nameProblem(_ name: String, kind: String, group: String) -> String? {
        switch (group, kind) {
        case ("", "Service"):
            return ValueSyntax.dns1035Label(name)
        case ("", "Namespace"):
            return ValueSyntax.dnsLabel(name)
        case ("rbac.authorization.k8s.io", _):
            return ValueSyntax.pathSegmentName(name)
        case ("batch", "CronJob"):
            if let problem = ValueSyntax.dnsSubdomain(name) { return problem }
            return name.utf8.count > 52 ? "must be at most 52 characters (a CronJob's name is extended for its Jobs)" : nil
        default:
            return ValueSyntax.dnsSubdomain(name)
        }
    }
}
