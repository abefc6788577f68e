import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

/// The checks shared by the ConfigMap and Secret reference rules: which referenced objects are
/// absent, and which referenced keys are absent from objects that are present.
enum ConfigObjectReferences {
    /// A ConfigMap or Secret found in the tree, reduced to what key checks need.
    struct PresentObject {
        var resource: Resource
        var keys: Set<String>

        func hasKey(_ key: String) -> Bool { keys.contains(key) }

        /// Where `key` is written: the first of the object's data fields that has it.
        func mark(ofKey key: String) -> Mark? {
            for field in ["data", "binaryData", "stringData"] {
                if let pair = resource.root[field]?.pairs?.first(where: { MappingReader.keyText($0.key) == key }) {
                    return pair.key.start
                }
            }
            return nil
        }
    }

    /// A ConfigMap or Secret that a pod runner needs and the tree lacks, with every reference
    /// the runner makes to it: one finding per runner and object, however many variables read
    /// it (one missing object is one mistake).
    struct MissingObject {
        var runner: PodRunner
        /// Never empty, in file order; the first is where the finding points.
        var references: [ConfigReference]

        var target: ConfigReference.Target { references[0].target }
        var name: Located<String> { references[0].name }

        /// The keys the references name, in order of first use, each once.
        var keys: [String] {
            var seen: Set<String> = []
            return references.flatMap(\.keys).map(\.value).filter { seen.insert($0).inserted }
        }
    }

    /// What the four ConfigMap and Secret reference rules report, found in one pass over the
    /// pod runners: reading a spec's references is most of the cost, and each rule read them
    /// all again. Only the problems are kept, not the references (kept for a whole run those
    /// were 35 MB of a 41 000-resource tree).
    final class Problems: Fact {
        /// Objects the tree lacks, by runner in tree order.
        let missingObjects: [MissingObject]
        /// Keys that present objects lack, in runner, reference and key order.
        let missingKeys: [(PodRunner, ConfigReference, Located<String>, PresentObject)]

        static let dependencies: [any Fact.Type] = [PodRunners.self] + referenceFacts

        static func derive(from context: LintContext) -> Problems {
            Problems(context)
        }

        init(_ context: LintContext) {
            var missingObjects: [MissingObject] = []
            var missingKeys: [(PodRunner, ConfigReference, Located<String>, PresentObject)] = []
            // Workloads read many keys of one object: describe each object once per run.
            var present: [ResourceIndex.ObjectKey: PresentObject?] = [:]
            for runner in context[PodRunners.self].all {
                let account = runner.spec.effectiveServiceAccount?.value ?? "default"
                // This runner's missing objects, by kind and name, as positions in `missingObjects`.
                var missingHere: [ResourceIndex.ObjectKey: Int] = [:]
                for reference in runner.configReferences where !reference.isOptional {
                    let target = reference.target
                    let name = reference.name.value
                    let key = ResourceIndex.ObjectKey(kind: target.rawValue, namespace: runner.namespace, name: name)
                    if let position = missingHere[key] {
                        missingObjects[position].references.append(reference)
                        continue
                    }
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
                    missingHere[key] = missingObjects.count
                    missingObjects.append(MissingObject(runner: runner, references: [reference]))
                }
                // First in the file first: containers and volumes are listed apart.
                for position in missingHere.values {
                    missingObjects[position].references.sort { $0.name.mark < $1.name.mark }
                }
            }
            self.missingObjects = missingObjects
            self.missingKeys = missingKeys
        }
    }

    static func missingObjects(_ target: ConfigReference.Target, context: LintContext) -> [MissingObject] {
        context[Problems.self].missingObjects.filter { $0.target == target }
    }

    static func missingKeys(_ target: ConfigReference.Target, context: LintContext) -> [(PodRunner, ConfigReference, Located<String>, PresentObject)] {
        context[Problems.self].missingKeys.filter { $0.1.target == target }
    }

    /// What a rule that reports missing ConfigMaps, Secrets or keys reads.
    static let facts: [any Fact.Type] = [Problems.self, ProducedObjects.self]

    /// The findings of `rule` about the `target` objects the tree lacks: at the first reference,
    /// naming the keys the pod needs, with the other references as related positions and a
    /// hint (another namespace, a close name) when there is one.
    static func missingObjectFindings(_ target: ConfigReference.Target, by rule: some Rule, context: LintContext) -> [Finding] {
        let missing = missingObjects(target, context: context)
        guard !missing.isEmpty else { return [] }
        var hints = MissingObjectHints(kind: target.rawValue)
        return missing.map { object in
            let first = object.references[0]
            let others = object.references.count - 1
            let more = others == 0 ? "" : " and \(others) more \(others == 1 ? "reference" : "references")"
            let keys = object.keys
            let needs = keys.isEmpty ? "" : "; the pod needs its \(keys.count == 1 ? "key" : "keys") " + keys.map { "'\($0)'" }.joined(separator: ", ")
            let related = object.references.dropFirst().map { reference in
                Finding.Related(
                    location: FileLocation(file: object.runner.resource.source.file, mark: reference.name.mark),
                    message: "\(target.rawValue) \(reference.name.value) is also used here (\(reference.origin))"
                )
            }
            let hint = hints.hint(for: object.name.value, namespace: object.runner.namespace, referrer: object.runner.resource, index: context.index)
            let finding = rule.finding(
                "\(target.rawValue) \(object.name.value) (\(first.origin)\(more)) is not in the tree \(context.inNamespace(object.runner.namespace))"
                    + needs + hint.text + platformNote(target, object.name.value, context: context),
                at: object.name.mark, in: object.runner.resource, related: related
            ).lowered(by: hint)
            return context.withProducerAdvice(
                finding, missing: target.rawValue, named: object.name.value,
                namespace: object.runner.namespace, referrer: object.runner.resource
            )
        }
    }

    /// The findings of `rule` about keys that `target` objects of the tree lack. When the
    /// object writes a close key, either side may hold the typo (which was edited last cannot be
    /// known): the message names both, and the note points at the object's key, not its name.
    /// A close key Kubernetes fills in (a token Secret's `token`) is only suggested.
    static func missingKeyFindings(_ target: ConfigReference.Target, by rule: some Rule, context: LintContext) -> [Finding] {
        missingKeys(target, context: context).map { runner, reference, key, object in
            let kind = target.rawValue
            let missing = "\(kind) \(reference.name.value) has no key '\(key.value)' (\(reference.origin))"
            let close = NameSuggestion.closest(to: key.value, among: object.keys.sorted())
            guard let close, let closeMark = object.mark(ofKey: close) else {
                return rule.finding(
                    missing + (close.map { "; did you mean '\($0)'?" } ?? ""), at: key.mark, in: runner.resource,
                    related: [object.resource.related("\(object.resource.kindAndName) is defined here")]
                )
            }
            let note = Finding.Related(
                location: FileLocation(file: object.resource.source.file, mark: closeMark),
                message: "\(kind) \(reference.name.value) has the key '\(close)' here"
            )
            return rule.finding(
                missing + " but has '\(close)': either this reference or the \(kind)'s key is misspelt",
                at: key.mark, in: runner.resource, related: [note]
            )
        }
    }

    /// Why an object Kubernetes makes in every namespace is missing all the same: the target
    /// release does not make it yet.
    private static func platformNote(_ target: ConfigReference.Target, _ name: String, context: LintContext) -> String {
        guard target == .configMap, name == PlatformObjects.rootCertificateConfigMap else { return "" }
        return "; Kubernetes publishes it in every namespace only from \(PlatformObjects.rootCertificateConfigMapRelease) "
            + "(\(context.configuration.targetWording))"
    }

    private static func presentObject(_ resource: Resource) -> PresentObject? {
        guard var keys = resource.configDataKeys.map(Set.init) else { return nil }
        if case .secret(let secret) = resource.body { keys.formUnion(PlatformObjects.keysFilledByController(secret)) }
        return PresentObject(resource: resource, keys: keys)
    }
}

extension PodRunner {
    /// The spec's ConfigMap and Secret references (`PodSpec.configReferences`, which the
    /// reference graph reads too), read when asked: kept for the whole run they were 8% of a
    /// large tree's peak memory. They are read once per run, keeping only the problems
    /// (`ConfigObjectReferences.Problems`).
    var configReferences: [ConfigReference] { spec.configReferences }
}
