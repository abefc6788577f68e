import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// One rule of a Role or ClusterRole (`rules[]`), as written.
struct RBACPolicyRule {
    /// A list entry with where it is written.
    struct Entry {
        var value: String
        var mark: Mark
    }

    var path: String
    var mark: Mark
    var apiGroups: [Entry]
    var resources: [Entry]
    var verbs: [Entry]
    /// The rule grants only the objects `resourceNames` lists.
    var isLimitedToNames: Bool

    /// The rules of a `rbac.authorization.k8s.io` Role or ClusterRole; empty for anything else.
    static func rules(of resource: Resource) -> [RBACPolicyRule] {
        guard resource.group == "rbac.authorization.k8s.io", let kind = resource.kind?.value,
              kind == "Role" || kind == "ClusterRole" else { return [] }
        return (resource.root["rules"]?.items ?? []).enumerated().compactMap { index, node in
            guard node.kind == .mapping else { return nil }
            func entries(_ key: String) -> [Entry] {
                (node[key]?.items ?? []).compactMap { item in MappingReader.string(item).map { Entry(value: $0, mark: item.start) } }
            }
            return RBACPolicyRule(
                path: "rules[\(index)]", mark: node.start,
                apiGroups: entries("apiGroups"), resources: entries("resources"), verbs: entries("verbs"),
                isLimitedToNames: !(node["resourceNames"]?.items ?? []).isEmpty
            )
        }
    }

    /// The first resource entry that grants one of `names` (or `*`), when a verb of `verbs`
    /// (or `*`) is granted too; nil otherwise. Subresources (`pods/log`) are not the resource.
    /// Whether the rule is about the core API group (`""`), or every group.
    var coversCoreGroup: Bool { apiGroups.contains { $0.value == "" || $0.value == "*" } }

    func grants(anyOf names: Set<String>, verbs wanted: Set<String>) -> Entry? {
        guard verbs.contains(where: { $0.value == "*" || wanted.contains($0.value) }) else { return nil }
        return resources.first { $0.value == "*" || names.contains($0.value) }
    }

    /// The verbs of `wanted` this rule grants, `*` spelt out as all of them.
    func grantedVerbs(of wanted: [String]) -> [String] {
        verbs.contains { $0.value == "*" } ? wanted : wanted.filter { verb in verbs.contains { $0.value == verb } }
    }
}
