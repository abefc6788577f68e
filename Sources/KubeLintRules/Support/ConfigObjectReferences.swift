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

    static func missingObjects(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference)] {
        var result: [(PodRunner, ConfigReference)] = []
        let produced = ProducedObjects(context.index)
        for runner in context.podRunners {
            let account = runner.spec.effectiveServiceAccount?.value ?? "default"
            for reference in runner.configReferences where reference.target == target && !reference.isOptional {
                if context.referenceResolves(kind: target.rawValue, namespace: runner.namespace, name: reference.name.value) { continue }
                if target == .secret, PlatformObjects.isServiceAccountToken(reference.name.value, serviceAccount: account) { continue }
                if produced.contains(kind: target.rawValue, namespace: runner.namespace, name: reference.name.value) { continue }
                result.append((runner, reference))
            }
        }
        return result
    }

    static func missingKeys(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference, Located<String>, PresentObject)] {
        var result: [(PodRunner, ConfigReference, Located<String>, PresentObject)] = []
        // Workloads read many keys of one object: describe each object once per run.
        var present: [ResourceIndex.ObjectKey: PresentObject?] = [:]
        for runner in context.podRunners {
            for reference in runner.configReferences where reference.target == target && !reference.isOptional && !reference.keys.isEmpty {
                let key = ResourceIndex.ObjectKey(kind: target.rawValue, namespace: runner.namespace, name: reference.name.value)
                if present[key] == nil {
                    present[key] = context.index.object(kind: key.kind, namespace: key.namespace, name: key.name).flatMap(presentObject)
                }
                guard let object = present[key] ?? nil else { continue }
                for key in reference.keys where !object.hasKey(key.value) {
                    result.append((runner, reference, key, object))
                }
            }
        }
        return result
    }

    private static func presentObject(_ resource: Resource) -> PresentObject? {
        let keys: Set<String>
        switch resource.body {
        case .configMap(let configMap): keys = Set(configMap.data.keys + configMap.binaryData.keys)
        case .secret(let secret):
            keys = Set(secret.data.keys + secret.stringData.keys + PlatformObjects.keysFilledByController(secret))
        default: return nil
        }
        return PresentObject(keys: keys, related: [resource.related("\(resource.kindAndName) is defined here")])
    }
}
