import KubeLintModel
import KubeLintYAML

/// The checks shared by the ConfigMap and Secret reference rules: which referenced objects are
/// absent, and which referenced keys are absent from objects that are present.
enum ConfigObjectReferences {
    /// A ConfigMap or Secret found in the tree, reduced to what key checks need.
    struct PresentObject {
        var keys: Set<String>
        var related: [Finding.Related]

        func hasKey(_ key: String) -> Bool { keys.contains(key) }
    }

    /// What the four ConfigMap and Secret reference rules report, found in one pass over the
    /// pod runners: reading a spec's references is most of the cost, and each rule read them
    /// all again. Only the problems are kept, not the references (kept for a whole run those
    /// were 35 MB of a 41 000-resource tree).
    struct Problems {
        /// References to objects the tree lacks, in runner and reference order.
        private(set) var missingObjects: [(PodRunner, ConfigReference)] = []
        /// Keys that present objects lack, in runner, reference and key order.
        private(set) var missingKeys: [(PodRunner, ConfigReference, Located<String>, PresentObject)] = []

        init() {}

        init(_ context: LintContext) {
            // Workloads read many keys of one object: describe each object once per run.
            var present: [ResourceIndex.ObjectKey: PresentObject?] = [:]
            for runner in context.podRunners {
                let account = runner.spec.effectiveServiceAccount?.value ?? "default"
                for reference in runner.configReferences where !reference.isOptional {
                    let target = reference.target
                    let name = reference.name.value
                    let key = ResourceIndex.ObjectKey(kind: target.rawValue, namespace: runner.namespace, name: name)
                    if context.referenceResolves(kind: key.kind, namespace: key.namespace, name: name) {
                        // Keys are checked only in objects the tree writes out.
                        if reference.keys.isEmpty { continue }
                        if present[key] == nil {
                            present[key] = context.index.object(kind: key.kind, namespace: key.namespace, name: name).flatMap(presentObject)
                        }
                        guard let object = present[key] ?? nil else { continue }
                        for dataKey in reference.keys where !object.hasKey(dataKey.value) {
                            missingKeys.append((runner, reference, dataKey, object))
                        }
                        continue
                    }
                    if target == .secret, PlatformObjects.isServiceAccountToken(name, serviceAccount: account) { continue }
                    missingObjects.append((runner, reference))
                }
            }
        }
    }

    static func missingObjects(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference)] {
        context.configObjectProblems.missingObjects.filter { $0.1.target == target }
    }

    static func missingKeys(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference, Located<String>, PresentObject)] {
        context.configObjectProblems.missingKeys.filter { $0.1.target == target }
    }

    private static func presentObject(_ resource: Resource) -> PresentObject? {
        let keys: Set<String>
        switch resource.body {
        case .configMap(let configMap): keys = Set(configMap.keys)
        case .secret(let secret): keys = Set(secret.keys + PlatformObjects.keysFilledByController(secret))
        default: return nil
        }
        return PresentObject(keys: keys, related: [resource.related("\(resource.kindAndName) is defined here")])
    }
}
