import KubeLintEngine
import KubeLintModel
import KubeLintYAML
/// When each apiVersion of a built-in kind is served, deprecated and removed, for every
/// Kubernetes release from 1.13 to 1.37, and what replaces it at a given release.
///
/// The facts are generated (`Generated/APILifecycleTable.swift`, written by
/// scripts/generate-api-lifecycle.py from the release tags of k8s.io/api and the lifecycle code
/// the API server itself uses to stop serving and to warn), one line per apiVersion and kind:
///
///     <apiVersion> <kind> <first> <last|-> <deprecated|-> [<replacement apiVersion>[:<kind>]]
///
/// `first` and `last` are the minor releases that serve it (`13`: 1.13 or earlier; `-`: still
/// served by the newest release of the table), `deprecated` the release from which the API
/// server warns, `replacement` what the lifecycle names instead. What else must change in a
/// manifest when moving is written by hand in `APIMigrations`.
package struct APIVersionTable: Sendable {
    package struct Entry: Sendable, Hashable {
        package var apiVersion: String
        package var kind: String
        /// The first release that serves it; `oldestRelease` stands for that release or earlier.
        package var introduced: KubernetesVersion
        /// The first release that no longer serves it (by default), if the table's releases have one.
        package var removed: KubernetesVersion?
        /// The release from which the API server answers with a deprecation warning.
        package var deprecated: KubernetesVersion?
        /// The apiVersion and kind the API's lifecycle names as its replacement.
        var replacement: Key?

        var group: String { SchemaTable.group(of: apiVersion) }

        /// Served by a cluster at `target` (releases before the table's are taken as its oldest).
        package func isServed(at target: KubernetesVersion) -> Bool {
            (introduced.minor == APIVersionTable.oldestRelease.minor || introduced <= target)
                && (removed.map { target < $0 } ?? true)
        }

        func isDeprecated(at target: KubernetesVersion) -> Bool {
            deprecated.map { $0 <= target } ?? false
        }

        /// 2 for a stable version (`v1`), 1 for beta, 0 for alpha: which to advise first.
        package var stability: Int { Self.order(of: apiVersion).stage }

        /// Kubernetes' order of versions in a group: v1alpha1 < v1beta1 < v1 < v2beta1 < v2.
        static func order(of apiVersion: String) -> (major: Int, stage: Int, minor: Int) {
            let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
            let digits = version.dropFirst().prefix { $0.isNumber }
            let rest = version.dropFirst(1 + digits.count)
            let stage = rest.hasPrefix("alpha") ? 0 : rest.hasPrefix("beta") ? 1 : 2
            let minor = Int(rest.drop { !$0.isNumber }) ?? 0
            return (Int(digits) ?? 0, stage, minor)
        }

        /// Newer than `other` in Kubernetes' order of versions.
        func isNewer(than other: Entry) -> Bool {
            Self.order(of: apiVersion) > Self.order(of: other.apiVersion)
        }
    }

    struct Key: Hashable, Sendable {
        var apiVersion: String
        var kind: String
    }

    package static let oldestRelease = KubernetesVersion.v1(lifecycleReleases.lowerBound)

    let entries: [Key: Entry]
    /// Entries by kind, for "which apiVersions serve this kind".
    package let entriesByKind: [String: [Entry]]

    package static let shared = APIVersionTable(text: generatedText, overrides: replacementOverrides)

    /// Replacements the lifecycle does not name: v1 Endpoints, deprecated in 1.33, gives way to
    /// another kind (the API's own doc comment says to use discovery.k8s.io/v1 EndpointSlice).
    static let replacementOverrides: [Key: Key] = [
        Key(apiVersion: "v1", kind: "Endpoints"): Key(apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice"),
    ]

    init(text: String, overrides: [Key: Key] = [:]) {
        var table: [Key: Entry] = [:]
        // Split as bytes: the table is ASCII, and splitting a String by Characters (grapheme
        // breaking) cost ten times the rest of the parse, at the start of every run.
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n")) {
            let words = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard words.count >= 5, let first = Int(words[2]) else { continue }
            var entry = Entry(
                apiVersion: words[0], kind: words[1], introduced: .v1(first),
                removed: Int(words[3]).map { .v1($0 + 1) }, deprecated: Int(words[4]).map(KubernetesVersion.v1)
            )
            if words.count >= 6 {
                let parts = words[5].split(separator: ":", maxSplits: 1).map(String.init)
                entry.replacement = Key(apiVersion: parts[0], kind: parts.count > 1 ? parts[1] : entry.kind)
            }
            let key = Key(apiVersion: entry.apiVersion, kind: entry.kind)
            if let override = overrides[key] { entry.replacement = override }
            table[key] = entry
        }
        entries = table
        entriesByKind = Dictionary(grouping: table.values.sorted { ($0.apiVersion, $0.kind) < ($1.apiVersion, $1.kind) }, by: \.kind)
    }

    package func entry(apiVersion: String, kind: String) -> Entry? {
        entries[Key(apiVersion: apiVersion, kind: kind)]
    }

    /// What to use instead of `entry` at `target`: an apiVersion of the replacement's kind that
    /// `target` serves, in the replacement's group or newer than the entry in its own group
    /// (never autoscaling/v1 for autoscaling/v2beta1), preferring one that is not deprecated
    /// there, then the most stable, then the newest. Alpha versions are advised only instead of
    /// an alpha version. Nil when the target serves none.
    package func replacement(for entry: Entry, at target: KubernetesVersion) -> Entry? {
        candidates(for: entry).filter { $0.isServed(at: target) }.min { better($0, than: $1, at: target) }
    }

    /// The replacement a later release serves, when the target serves none (to say from when).
    package func laterReplacement(for entry: Entry, after target: KubernetesVersion) -> Entry? {
        candidates(for: entry).filter { $0.introduced > target && $0.removed == nil }.min { $0.introduced < $1.introduced }
    }

    /// The apiVersions that serve `kind` at `target`, most advisable first.
    package func servedVersions(of kind: String, at target: KubernetesVersion) -> [Entry] {
        (entriesByKind[kind] ?? []).filter { $0.isServed(at: target) }.sorted { better($0, than: $1, at: target) }
    }

    /// The apiVersions to advise for `kind` at `target`: those it serves, without alpha versions
    /// (off unless a cluster enables them) or deprecated ones when it serves another, most
    /// advisable first.
    package func advisedVersions(of kind: String, at target: KubernetesVersion) -> [Entry] {
        var served = servedVersions(of: kind, at: target)
        if served.contains(where: { $0.stability > 0 }) { served.removeAll { $0.stability == 0 } }
        if served.contains(where: { !$0.isDeprecated(at: target) }) { served.removeAll { $0.isDeprecated(at: target) } }
        return served
    }

    private func candidates(for entry: Entry) -> [Entry] {
        let kind = entry.replacement?.kind ?? entry.kind
        let replacementGroup = entry.replacement.map { SchemaTable.group(of: $0.apiVersion) } ?? entry.group
        return (entriesByKind[kind] ?? []).filter { candidate in
            let inGroup = candidate.group == entry.group ? candidate.isNewer(than: entry) : candidate.group == replacementGroup
            return inGroup && candidate.apiVersion != entry.apiVersion && (candidate.stability > 0 || entry.stability == 0)
        }
    }

    private func better(_ lhs: Entry, than rhs: Entry, at target: KubernetesVersion) -> Bool {
        let left = (lhs.isDeprecated(at: target) ? 0 : 1, lhs.stability)
        let right = (rhs.isDeprecated(at: target) ? 0 : 1, rhs.stability)
        if left != right { return left > right }
        if lhs.group == rhs.group, Entry.order(of: lhs.apiVersion) != Entry.order(of: rhs.apiVersion) { return lhs.isNewer(than: rhs) }
        return lhs.apiVersion < rhs.apiVersion
    }
}
