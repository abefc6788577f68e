import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// How to fix a reference to an object the tree lacks, as the tail of its message: the object
/// is in the tree under another namespace (say which, and how to move the reference there), or
/// a name of the same kind in the same namespace is close ("did you mean").
///
/// The names of the kind are gathered from the index on the first hint asked for: a rule that
/// reports nothing pays nothing.
package struct MissingObjectHints {
    let kind: String
    private var names: Names?
    /// Hints already given, by namespace, name and whether the referrer writes its namespace:
    /// the same missing object is usually referenced by several pods.
    private var given: [HintKey: Hint] = [:]

    private struct HintKey: Hashable {
        var namespace: String
        var name: String
        var referrerWritesNamespace: Bool
    }

    /// The objects of `kind`: names by namespace, and where each name is defined (its namespace,
    /// and whether the object writes it or landed in the default namespace); and the one
    /// namespace the tree's objects name, if they name exactly one.
    private struct Names {
        var byNamespace: [String: NameSuggestion.Candidates] = [:]
        var places: [String: [(namespace: String, written: Bool)]] = [:]
        var treeNamespace: String?
    }

    /// The tail of a message, and whether the finding is information only.
    package struct Hint {
        package var text: String
        /// The referrer names no namespace and the object is in the one namespace the tree's
        /// objects name: applied as the tree is meant to be (`kubectl apply -n X`, which refuses
        /// objects of another namespace), the reference resolves. Worth saying, not an alarm.
        package var resolvesInTheTreesNamespace = false
    }

    package init(kind: String) {
        self.kind = kind
    }

    /// "; the tree has it in namespace 'x': …" or "; did you mean 'y'?", or nothing.
    /// `referrer`: the object whose reference does not resolve (its own namespace field decides
    /// which `defaultNamespace` would join the two).
    package mutating func hint(for name: String, namespace: String, referrer: Resource, index: ResourceIndex) -> Hint {
        let key = HintKey(namespace: namespace, name: name, referrerWritesNamespace: referrer.metadata.namespace != nil)
        if let hint = given[key] { return hint }
        let names = names ?? gather(index)
        self.names = names
        let hint = Self.hint(for: name, namespace: namespace, referrerWritesNamespace: key.referrerWritesNamespace, kind: kind, names: names)
        given[key] = hint
        return hint
    }

    private static func hint(for name: String, namespace: String, referrerWritesNamespace: Bool, kind: String, names: Names) -> Hint {
        let elsewhere = (names.places[name] ?? []).filter { $0.namespace != namespace }
        guard !elsewhere.isEmpty else {
            return Hint(text: names.byNamespace[namespace]?.hint(for: name) ?? "")
        }
        let namespaces = Array(Set(elsewhere.map(\.namespace))).sorted()
        let listed = namespaces.map { "'\($0)'" }.joined(separator: ", ")
        let place = namespaces.count == 1 ? "namespace \(listed)" : "namespaces \(listed)"
        if !referrerWritesNamespace, let only = names.treeNamespace, namespaces == [only] {
            return Hint(
                text: "; the tree has \(kind) \(name) in namespace '\(only)', the only namespace its objects name: "
                    + "if the tree is applied to it (kubectl apply -n \(only)), set `defaultNamespace: \(only)` in .kubelint.yaml",
                resolvesInTheTreesNamespace: true
            )
        }
        let advice: String
        if !referrerWritesNamespace {
            // The referrer follows the default namespace: moving the default moves it there.
            advice = namespaces.count == 1
                ? "if the tree is applied to namespace '\(namespaces[0])', set `defaultNamespace: \(namespaces[0])` in .kubelint.yaml"
                : "set `defaultNamespace` in .kubelint.yaml to the namespace the tree is applied to"
        } else if elsewhere.contains(where: { !$0.written }) {
            // The object follows the default namespace and the referrer names its own.
            advice = "if the tree is applied to namespace '\(namespace)', set `defaultNamespace: \(namespace)` in .kubelint.yaml"
        } else {
            advice = "references do not cross namespaces: fix `metadata.namespace` of one of them"
        }
        return Hint(text: "; the tree has \(kind) \(name) in \(place): \(advice)")
    }

    private func gather(_ index: ResourceIndex) -> Names {
        var names = Names()
        var byNamespace: [String: [String]] = [:]
        for object in index.resources(ofKind: kind) {
            guard let name = object.name else { continue }
            let namespace = index.namespace(of: object)
            byNamespace[namespace, default: []].append(name)
            names.places[name, default: []].append((namespace, object.metadata.namespace != nil))
        }
        // Prepared once: a rule may ask for a suggestion among them for every reference.
        names.byNamespace = byNamespace.mapValues(NameSuggestion.Candidates.init)
        // Asked only when an object of the kind is in another namespace: rare, so one pass then.
        if !names.places.isEmpty {
            var written: Set<String> = []
            for object in index.resources where object.metadata.namespace != nil {
                let namespace = index.namespace(of: object)
                if !namespace.isEmpty { written.insert(namespace) }
                if written.count > 1 { break }
            }
            names.treeNamespace = written.count == 1 ? written.first : nil
        }
        return names
    }
}

extension Finding {
    /// The finding as information when `hint` says the reference resolves in the tree's own
    /// namespace; else unchanged.
    package func lowered(by hint: MissingObjectHints.Hint) -> Finding {
        guard hint.resolvesInTheTreesNamespace else { return self }
        var finding = self
        finding.severity = .info
        return finding
    }
}
