import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Secrets and ConfigMaps that the tree's own workloads make when they run, so that the
/// workloads reading them are not told they are missing:
///
/// - those named in the `resourceNames` of a Role (or a ClusterRole, through a RoleBinding or a
///   ClusterRoleBinding) bound to a ServiceAccount of the tree that a workload of the tree runs
///   as, where the role lets it write them: an install manifest whose init container or
///   controller writes the Secret its main container then reads. RBAC cannot restrict `create`
///   by name (the name is not known when the request is authorized), so roles grant `create` on
///   the kind in a rule of its own and name the object in `get`, `update` or `patch` rules: a
///   name counts when its rule lets it be created, updated or patched, or when the role lets
///   the kind be created at all;
/// - those named by `--secret-name=NAME` (or `--secret-name NAME`) in the arguments of a Job,
///   CronJob or Pod, as Helm charts' certificate generators (kube-webhook-certgen) are run.
enum RunTimeObjects {
    private static let writeVerbs: Set<String> = ["create", "update", "patch", "*"]
    private static let kindsByResource = ["secrets": "Secret", "configmaps": "ConfigMap"]

    static func keys(in index: ResourceIndex, runners: [PodRunner]) -> [ResourceIndex.ObjectKey] {
        var keys: [ResourceIndex.ObjectKey] = []
        var runningAccounts: Set<ResourceIndex.ObjectKey> = []
        for runner in runners {
            let account = ResourceIndex.ObjectKey(
                kind: "ServiceAccount", namespace: runner.namespace, name: runner.spec.effectiveServiceAccount?.value ?? "default"
            )
            // Only the tree's own accounts: rights given to an account made elsewhere say
            // nothing about what this tree runs.
            if index.object(kind: account.kind, namespace: account.namespace, name: account.name) != nil {
                runningAccounts.insert(account)
            }
            if ["Job", "CronJob", "Pod"].contains(runner.resource.kind?.value ?? "") {
                for container in runner.spec.allContainers {
                    for name in secretNameArguments(container.command + container.args) {
                        keys.append(ResourceIndex.ObjectKey(kind: "Secret", namespace: runner.namespace, name: name))
                    }
                }
            }
        }
        guard !runningAccounts.isEmpty else { return keys }
        for binding in index.resources(ofKind: "RoleBinding") + index.resources(ofKind: "ClusterRoleBinding") {
            let isClusterBinding = binding.kind?.value == "ClusterRoleBinding"
            let bindingNamespace = index.namespace(of: binding)
            guard let role = boundRole(of: binding, namespace: bindingNamespace, in: index) else { continue }
            for subject in binding.root["subjects"]?.items ?? [] {
                guard subject["kind"].flatMap(MappingReader.string) == "ServiceAccount",
                      let name = subject["name"].flatMap(MappingReader.string),
                      let namespace = subject["namespace"].flatMap(MappingReader.string) ?? (isClusterBinding ? nil : bindingNamespace),
                      runningAccounts.contains(ResourceIndex.ObjectKey(kind: "ServiceAccount", namespace: namespace, name: name)) else { continue }
                // A RoleBinding grants in its own namespace; a ClusterRoleBinding everywhere, so
                // the account's workloads write in their own.
                let grantNamespace = isClusterBinding ? namespace : bindingNamespace
                for (kind, name) in writableNames(in: role) {
                    keys.append(ResourceIndex.ObjectKey(kind: kind, namespace: grantNamespace, name: name))
                }
            }
        }
        return keys
    }

    /// The Role or ClusterRole a binding's `roleRef` names, when the tree has it.
    private static func boundRole(of binding: Resource, namespace: String, in index: ResourceIndex) -> Resource? {
        guard let reference = binding.root["roleRef"],
              let kind = reference["kind"].flatMap(MappingReader.string),
              let name = reference["name"].flatMap(MappingReader.string) else { return nil }
        switch kind {
        case "Role" where binding.kind?.value == "RoleBinding": return index.object(kind: "Role", namespace: namespace, name: name)
        case "ClusterRole": return index.object(kind: "ClusterRole", namespace: "", name: name)
        default: return nil
        }
    }

    /// (kind, name) for each Secret or ConfigMap a rule of `role` names, where that rule lets the
    /// holder create, update or patch it, or another rule lets it create objects of the kind.
    private static func writableNames(in role: Resource) -> [(String, String)] {
        struct Rule {
            var kinds: [String]
            var verbs: Set<String>
            var names: [String]
        }
        let rules = (role.root["rules"]?.items ?? []).compactMap { rule -> Rule? in
            let groups = strings(rule["apiGroups"])
            guard groups.contains("") || groups.contains("*") else { return nil }
            let resources = strings(rule["resources"])
            let kinds = resources.contains("*") ? kindsByResource.values.sorted() : resources.compactMap { kindsByResource[$0] }
            return kinds.isEmpty ? nil : Rule(kinds: kinds, verbs: Set(strings(rule["verbs"])), names: strings(rule["resourceNames"]))
        }
        let creatable = Set(rules.filter { $0.verbs.contains("create") || $0.verbs.contains("*") }.flatMap(\.kinds))
        var result: [(String, String)] = []
        for rule in rules {
            for kind in rule.kinds where creatable.contains(kind) || !writeVerbs.isDisjoint(with: rule.verbs) {
                for name in rule.names where !name.isEmpty { result.append((kind, name)) }
            }
        }
        return result
    }

    private static func strings(_ node: Node?) -> [String] {
        (node?.items ?? []).compactMap(MappingReader.string)
    }

    /// `--secret-name=NAME` or `--secret-name NAME` among a container's arguments.
    private static func secretNameArguments(_ arguments: [Located<String>]) -> [String] {
        var names: [String] = []
        for (position, argument) in arguments.enumerated() {
            let text = argument.value
            if text.hasPrefix("--secret-name=") {
                names.append(String(text.dropFirst("--secret-name=".count)))
            } else if text == "--secret-name", position + 1 < arguments.count {
                names.append(arguments[position + 1].value)
            }
        }
        return names.filter { !$0.isEmpty }
    }
}
