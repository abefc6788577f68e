import KubeLintModel

public struct StringExpectedRule: SchemaProblemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "string-expected",
        severity: .error,
        category: .schema,
        summary: "A plain YAML value reads as a boolean, number or null where Kubernetes needs a string",
        rationale: """
            Kubernetes reads YAML 1.1: plain `yes`, `no`, `on`, `off`, `true`, `false` are \
            booleans, `8080`, `1.0`, `0755` are numbers (`0755` is 493) and an empty value or `~` \
            is null. In a ConfigMap's `data`, an env `value`, a label or an annotation, the API \
            server refuses them, because those fields hold strings. The fix is to quote the value, \
            which also keeps leading zeros and spelling exactly as written.
            """,
        remediation: "Quote the value as the message shows (`\"yes\"`, `\"8080\"`, `\"\"`).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                  annotations:
                    prometheus.io/scrape: ↓true
                data:
                  ENABLED: ↓yes
                  PORT: ↓8080
                  RATIO: ↓1.5
                  MODE: ↓0755
                  EMPTY:↓
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    env:
                    - name: DEBUG
                      value: ↓off
                    args: [--retries, ↓3]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                  annotations:
                    prometheus.io/scrape: "true"
                data:
                  ENABLED: "yes"
                  PORT: "8080"
                  MODE: '0755'
                  EMPTY: ""
                  SCRIPT: |
                    echo on
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .stringExpected = problem.kind { return true }
        return false
    }
}
