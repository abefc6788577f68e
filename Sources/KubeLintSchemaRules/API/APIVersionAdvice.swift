import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Shared wording of the apiVersion rules: the target release, what replaces an apiVersion
/// there, and what else must change in the manifest.
enum APIVersionAdvice {
    /// "use networking.k8s.io/v1 (available since 1.19); rename ...": an apiVersion the target
    /// serves, with the manifest changes the move needs.
    static func replacement(for entry: APIVersionTable.Entry, resource: Resource, target: KubernetesVersion) -> String {
        let table = APIVersionTable.shared
        if let replacement = table.replacement(for: entry, at: target) {
            var text = "use \(replacement.apiVersion)" + (replacement.kind == entry.kind ? "" : " \(replacement.kind)")
            if replacement.introduced > APIVersionTable.oldestRelease {
                text += " (available since \(replacement.introduced))"
            }
            if let notes = APIMigrations.notes(kind: entry.kind, from: entry.apiVersion, to: replacement.apiVersion, resource: resource) {
                text += "; " + notes
            }
            return text
        }
        if let later = table.laterReplacement(for: entry, after: target) {
            return "Kubernetes \(target) serves no replacement; \(later.apiVersion) replaces it from \(later.introduced)"
        }
        return APIMigrations.withoutReplacement[entry.kind] ?? "there is no replacement API"
    }

    /// Table entry and position of a resource's apiVersion, when the table knows it.
    static func lookup(_ resource: Resource) -> (entry: APIVersionTable.Entry, apiVersion: Located<String>)? {
        guard let apiVersion = resource.apiVersion, let kind = resource.kind?.value,
              let entry = APIVersionTable.shared.entry(apiVersion: apiVersion.value, kind: kind) else { return nil }
        return (entry, apiVersion)
    }
}
