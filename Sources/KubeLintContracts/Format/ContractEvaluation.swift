import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

/// An object of the tree that a contract makes claims about, with the clauses that apply to it
/// (the kind's `each` clauses, overridden by those of its entry under `objects`).
struct ContractSubject {
    var contract: ScopedContract
    var resource: Resource
    var clauses: ObjectClauses
}

/// Every (object, clauses) pair of every contract, shared by the contract clause rules.
package final class ContractSubjects: Fact {
    let all: [ContractSubject]

    init(all: [ContractSubject]) {
        self.all = all
    }

    package static func derive(from context: LintContext) -> ContractSubjects {
        ContractSubjects(all: ContractSubject.all(
            of: context.configuration[ConfiguredContracts.self].contracts, in: context.index,
            defaultNamespace: context.configuration.defaultNamespace
        ))
    }
}

extension LintContext {
    /// The clauses the team's contracts make about the object, for advice that a contract
    /// overrides (a pinned replica count, a Service type). A rule that asks lists
    /// `ContractSubjects`.
    package func contractClauses(of resource: Resource) -> [ObjectClauses] {
        self[ContractSubjects.self].all.filter { $0.resource.source == resource.source }.map(\.clauses)
    }

    /// The replica count a team contract pins the object to, if any: the contract wins over
    /// practice advice about replicas.
    package func contractReplicas(of resource: Resource) -> Located<Int>? {
        contractClauses(of: resource).lazy.compactMap(\.replicas).first
    }
}

extension ContractSubject {
    /// Every (object, clauses) pair of every contract, in contract, kind and tree order.
    static func all(of contracts: [ScopedContract], in index: ResourceIndex, defaultNamespace: String) -> [ContractSubject] {
        var subjects: [ContractSubject] = []
        for contract in contracts {
            for expectation in contract.contract.expectations {
                var listed: [String: ObjectClauses] = [:]
                for object in expectation.objects where !object.isAbsent {
                    listed[object.name.value] = object.clauses
                }
                for resource in contract.governedObjects(ofKind: expectation.kind.value, in: index, defaultNamespace: defaultNamespace) {
                    let specific = resource.name.flatMap { listed[$0] } ?? ObjectClauses()
                    let clauses = expectation.each.overridden(by: specific)
                    guard !clauses.isEmpty else { continue }
                    subjects.append(ContractSubject(contract: contract, resource: resource, clauses: clauses))
                }
            }
        }
        return subjects
    }
}

extension LintContext {
    /// The namespace a contract looks at.
    func namespace(of contract: ScopedContract) -> String {
        contract.namespace(defaultNamespace: configuration.defaultNamespace)
    }

    /// Objects of `kind` that the contract governs: in its namespace and in its scope.
    func governedObjects(ofKind kind: String, by contract: ScopedContract) -> [Resource] {
        contract.governedObjects(ofKind: kind, in: index, defaultNamespace: configuration.defaultNamespace)
    }

    /// The object of `kind` and `name` that the contract governs, if the tree has it (a
    /// cluster-scoped one whatever the contract's namespace).
    func governedObject(kind: String, name: String, by contract: ScopedContract) -> Resource? {
        index.objects(kind: kind, namespace: namespace(of: contract), name: name).first { contract.governs($0) }
    }

    /// Every kind expectation of every contract, with its contract.
    var contractExpectations: [(contract: ScopedContract, expectation: KindExpectation)] {
        configuration[ConfiguredContracts.self].contracts.flatMap { contract in contract.contract.expectations.map { (contract, $0) } }
    }

    /// The objects the expectation lists as required that the contract's part of the tree lacks.
    func missingObjects(listedIn expectation: KindExpectation, by contract: ScopedContract) -> [ObjectExpectation] {
        expectation.requiredObjects.filter { governedObject(kind: expectation.kind.value, name: $0.name.value, by: contract) == nil }
    }
}

extension KindExpectation {
    /// Those of `resources` that the expectation does not name under `objects` (an object
    /// listed as absent counts as named).
    func unlisted(_ resources: [Resource]) -> [Resource] {
        let listed = Set(objects.map(\.name.value))
        return resources.filter { !listed.contains($0.name ?? "") }
    }
}

extension ScopedContract {
    /// The namespace the contract looks at: its own, or the configuration's default.
    func namespace(defaultNamespace: String) -> String {
        contract.namespace?.value ?? defaultNamespace
    }

    /// Objects of `kind` in the contract's namespace (any, for a cluster-scoped kind) and in its scope.
    func governedObjects(ofKind kind: String, in index: ResourceIndex, defaultNamespace: String) -> [Resource] {
        let namespace = index.namespace(forKind: kind, from: namespace(defaultNamespace: defaultNamespace))
        return index.resources(ofKind: kind).filter { index.namespace(of: $0) == namespace && governs($0) }
    }

    /// "contract 'staging'", for messages.
    var title: String { "contract '\(contract.name.value)'" }

    /// A related position pointing at the contract line a finding comes from.
    func related(_ mark: Mark, _ message: String? = nil) -> Finding.Related {
        Finding.Related(location: FileLocation(file: contract.file, mark: mark), message: message ?? "required by \(title)")
    }
}
