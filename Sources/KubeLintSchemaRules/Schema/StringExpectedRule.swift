import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct StringExpectedRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
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

// MARK: - Fix

extension StringExpectedRule: FixableRule {
    package static let fix = FixDescription(
        summary: "Quotes the value in double quotes, so that it keeps the text it was written with (an empty value becomes \"\")",
        examples: [
            FixExample("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  DEBUG: False      # off in staging
                  VERSION: 1.10
                  LEGACY: on
                  EMPTY:
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                spec:
                  containers:
                  - name: worker
                    image: worker:2
                    args: [--retries, 3, '--verbose']
                    env:
                    - {name: CACHE, value: off}
                """, after: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  DEBUG: "False"      # off in staging
                  VERSION: "1.10"
                  LEGACY: "on"
                  EMPTY: ""
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                spec:
                  containers:
                  - name: worker
                    image: worker:2
                    args: [--retries, "3", '--verbose']
                    env:
                    - {name: CACHE, value: "off"}
                """),
            FixExample("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  FEATURE: ~
                """, notFixed: "`~` may stand for an empty string or for the text itself: write \"\" or \"~\""),
            FixExample("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  ENABLED: !!bool yes
                """, notFixed: "the value carries the tag !!bool, which asks for that type; remove the tag and quote the value"),
            FixExample("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                  labels: &labels
                    enabled: yes
                data: *labels
                """, notFixed: "the value is inside an anchored node (&labels) that other places may reuse; quote it by hand if every use wants a string"),
        ]
    )

    package func fix(_ site: FixSite) -> FixProposal? {
        guard let id = site.node else { return .notFixed("the file does not parse up to this point") }
        let tree = site.tree
        let node = tree[id]
        if node.kind == .alias {
            return .notFixed("the value is an alias (*\(node.text)); quote it where it is anchored, if every use wants a string")
        }
        guard node.kind == .scalar, node.style == .plain else { return nil }
        if let tag = node.tag {
            let written = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            return .notFixed("the value carries the tag \(written), which asks for that type; remove the tag and quote the value")
        }
        if node.anchor == nil, let anchor = Self.anchoredAncestor(of: id, in: tree) {
            return .notFixed("the value is inside an anchored node (&\(anchor)) that other places may reuse; quote it by hand if every use wants a string")
        }
        if !node.text.isEmpty, case .null = Scalar(node.text).resolved {
            return .notFixed("`\(node.text)` may stand for an empty string or for the text itself: write \"\" or \"\(node.text)\"")
        }
        let written = node.text.isEmpty ? "\"\"" : DocumentEditor.doubleQuoted(node.text)
        return .editing(site, summary: "quoted as \(written)") { editor throws(EditRefusal) in
            try editor.quote(id)
        }
    }

    private static func anchoredAncestor(of id: SyntaxNode.ID, in tree: SyntaxTree) -> String? {
        var current = tree[id].parent
        while let parent = current {
            if let anchor = tree[parent].anchor { return anchor }
            current = tree[parent].parent
        }
        return nil
    }
}
