import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

extension LintContext {
    /// The first entry of `labels` that no Pod or workload template in `namespace` carries. When
    /// a selector matches nothing, that label is usually the typo, so findings point at it.
    package func firstLabelNoPodCarries(_ labels: StringMap, namespace: String) -> StringMap.Entry? {
        labels.entries.first { entry in
            index.podRunners(matching: StringMap(entries: [entry]), namespace: namespace).isEmpty
        }
    }
}

extension StringMap {
    /// The first entry that `labels` does not hold with the same value: where a selector stops
    /// matching a set of pod labels.
    package func firstEntry(missingFrom labels: StringMap) -> Entry? {
        entries.first { labels[$0.key] != $0.value }
    }
}

extension LintContext {
    /// Notes on the pods and workloads a selector that matches nothing was probably written for:
    /// those that carry some of its labels, and those named like the selecting object (kompose
    /// names a Service after its Deployment). Findings carry them as related positions, so a
    /// reader sees which side changed, and the pre-commit hook, which reports what touches the
    /// changed files, refuses a commit that renamed a label on the workload side only.
    package func likelyIntendedPodRunnerNotes(for selector: StringMap, selectingObjectName name: String?, namespace: String) -> [Finding.Related] {
        var candidates: [(runner: Resource, labels: StringMap)] = []
        var seen: Set<ResourceIndex.ObjectKey> = []
        func consider(_ resource: Resource) {
            // Of the pods an object runs, those sharing most labels with the selector.
            let labels = index.podLabelSets(of: resource).max { lhs, rhs in
                lhs.entries.filter { selector[$0.key] == $0.value }.count < rhs.entries.filter { selector[$0.key] == $0.value }.count
            }
            guard let kind = resource.kind?.value, let runnerName = resource.name, let labels,
                  seen.insert(ResourceIndex.ObjectKey(kind: kind, namespace: namespace, name: runnerName)).inserted else { return }
            candidates.append((resource, labels))
        }
        if let name {
            for kind in Workload.Kind.podRunningKindNames {
                index.objects(kind: kind, namespace: namespace, name: name).forEach(consider)
            }
        }
        for entry in selector.entries {
            index.podRunners(matching: StringMap(entries: [entry]), namespace: namespace).forEach(consider)
        }
        return candidates.sorted { ($0.runner.source.file, $0.runner.nameMark.line) < ($1.runner.source.file, $1.runner.nameMark.line) }
            .prefix(Self.likelyIntendedLimit)
            .map { Self.labelsNote(of: $0.runner, labels: $0.labels, against: selector) }
    }

    /// A related position on a pod runner's labels: at the first label whose value differs from
    /// what the selector asks, else at the labels (or the object's name when it has none).
    private static func labelsNote(of runner: Resource, labels: StringMap, against selector: StringMap) -> Finding.Related {
        let location: Mark
        if let differing = selector.entries.lazy.compactMap({ labels.entry($0.key) }).first(where: { selector[$0.key] != $0.value }) {
            location = differing.valueMark
        } else {
            location = labels.mark ?? runner.nameMark
        }
        let carried = labels.isEmpty ? "no labels" : "\(labels.count == 1 ? "the label" : "labels") \(labels.inlineDescription)"
        return Finding.Related(
            location: FileLocation(file: runner.source.file, mark: location),
            message: "\(runner.kindAndName) gives its pods \(carried)"
        )
    }

    /// Enough to show which side changed without listing a whole namespace.
    private static let likelyIntendedLimit = 3
}
