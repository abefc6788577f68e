import KubeLintModel

/// Shared wording of the apiVersion rules: what replaces an apiVersion at the target release,
/// and what else must change in the manifest.
enum APIVersionAdvice {
    /// "use networking.k8s.io/v1 (available since 1.19); also rename ...", following
    /// replacements that are themselves gone at the target.
    static func replacement(for entry: APIVersionTable.Entry, target: KubernetesVersion) -> String {
        let table = APIVersionTable.shared
        var current = entry
        var notes: [String] = []
        if let migration = entry.migration { notes.append(migration) }
        // A replacement removed by the target (extensions → policy/v1beta1 PodSecurityPolicy) is
        // no answer: follow it, a few steps at most.
        for _ in 0..<4 {
            guard let next = table.replacementEntry(of: current), let removed = next.removed, removed <= target else { break }
            current = next
            if let migration = next.migration, !notes.contains(migration) { notes.append(migration) }
        }
        var text: String
        if let replacement = current.replacement {
            let kind = current.replacementKind ?? current.kind
            text = "use \(replacement)" + (kind == entry.kind ? "" : " \(kind)")
            if let introduced = table.entry(apiVersion: replacement, kind: kind)?.introduced {
                text += " (available since \(introduced))"
            }
        } else if notes.isEmpty {
            text = "there is no replacement API"
        } else {
            return notes.joined(separator: "; ")
        }
        if !notes.isEmpty { text += "; " + notes.joined(separator: "; ") }
        return text
    }

    /// Table entry and position of a resource's apiVersion, when the table knows it.
    static func lookup(_ resource: Resource) -> (entry: APIVersionTable.Entry, apiVersion: Located<String>)? {
        guard let apiVersion = resource.apiVersion, let kind = resource.kind?.value,
              let entry = APIVersionTable.shared.entry(apiVersion: apiVersion.value, kind: kind) else { return nil }
        return (entry, apiVersion)
    }
}
