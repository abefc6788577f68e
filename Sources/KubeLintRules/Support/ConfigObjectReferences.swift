import KubeLintModel
import KubeLintYAML

/// The checks shared by the ConfigMap and Secret reference rules: which referenced objects are
/// absent, and which referenced keys are absent from objects that are present.
enum ConfigObjectReferences {
    /// A ConfigMap or Secret found in the tree, reduced to what key checks need.
    struct PresentObject {
        var keys: [String]
        var related: [Finding.Related]

        func hasKey(_ key: String) -> Bool { keys.contains(key) }
    }

    static func missingObjects(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference)] {
        var result: [(PodRunner, ConfigReference)] = []
        for runner in context.podRunners {
            let account = runner.spec.effectiveServiceAccount?.value ?? "default"
            for reference in runner.spec.configReferences where reference.target == target && !reference.isOptional {
                if context.referenceResolves(kind: target.rawValue, namespace: runner.namespace, name: reference.name.value) { continue }
                if target == .secret, PlatformObjects.isServiceAccountToken(reference.name.value, serviceAccount: account) { continue }
                result.append((runner, reference))
            }
        }
        return result
    }

    static func missingKeys(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference, Located<String>, PresentObject)] {
        var result: [(PodRunner, ConfigReference, Located<String>, PresentObject)] = []
        for runner in context.podRunners {
            for reference in runner.spec.configReferences where reference.target == target && !reference.isOptional && !reference.keys.isEmpty {
                guard let object = context.index.object(kind: target.rawValue, namespace: runner.namespace, name: reference.name.value),
                      let present = presentObject(object) else { continue }
                for key in reference.keys where !present.hasKey(key.value) {
                    result.append((runner, reference, key, present))
                }
            }
        }
        return result
    }

    private static func presentObject(_ resource: Resource) -> PresentObject? {
        let keys: [String]
        switch resource.body {
        case .configMap(let configMap): keys = configMap.data.keys + configMap.binaryData.keys
        case .secret(let secret): keys = secret.data.keys + secret.stringData.keys
        default: return nil
        }
        let location = FileLocation(file: resource.source.file, mark: resource.nameMark)
        return PresentObject(keys: keys, related: [Finding.Related(location: location, message: "\(resource.kind?.value ?? "object") \(resource.name ?? "") is defined here")])
    }
}
