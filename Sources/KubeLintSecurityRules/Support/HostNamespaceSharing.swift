import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// The three host namespaces a pod can share, each its own rule: `hostNetwork`, `hostPID`,
/// `hostIPC` set to true.
enum HostNamespaceSharing {
    static func findings<R: Rule>(_ rule: R, key: String, consequence: String, in resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource), let field = pod.field(key), field.bool == true else { return [] }
        return [rule.finding("\(field.path) is true: \(consequence)", at: field.mark, in: resource)]
    }

    static func example(_ key: String, marked: Bool) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
        spec:
          \(key): \(marked ? "↓true" : "false")
          containers:
          - name: agent
            image: agent:1.0
        """
    }
}
