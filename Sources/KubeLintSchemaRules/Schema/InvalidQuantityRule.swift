import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidQuantityRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-quantity",
        severity: .error,
        category: .schema,
        summary: "A resource quantity cannot be parsed",
        rationale: """
            CPU, memory and storage amounts are quantities: a number with an optional suffix, \
            binary (`Ki`, `Mi`, `Gi`, ...) or decimal (`m`, `k`, `M`, `G`, ...), or an exponent \
            (`1e3`). `2GB`, `500 m` or `1,5Gi` are refused by the API server, and a negative \
            request or limit is refused too.
            """,
        remediation: """
            Write the amount as a number with a valid suffix: `500m` CPU, `256Mi` or `2Gi` of memory. For units \
            written from habit the message proposes one: `512mb` → `512Mi` (or `512M`), `2gi` → `2Gi`, \
            `0.5cpu` → `0.5`.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    resources:
                      requests:
                        memory: ↓2GB
                        cpu: ↓-1
                      limits:
                        cpu: ↓500 m
                """),
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: ↓ten
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    resources:
                      requests: {cpu: 500m, memory: 256Mi, ephemeral-storage: 1e9}
                      limits: {cpu: 2, memory: 1.5Gi}
                  volumes:
                  - name: scratch
                    emptyDir: {sizeLimit: 500Mi}
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidQuantity = problem.kind { return true }
        return false
    }
}
