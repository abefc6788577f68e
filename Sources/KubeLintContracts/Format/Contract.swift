import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

/// A team's invariants about its tree, read from a contract file in `rules/` (format in
/// docs/contracts.md). Every part keeps its position, so a finding about something the tree
/// lacks can point at the contract line that asked for it.
package struct Contract: Sendable {
    /// The contract's name, for messages ("contract 'staging'").
    package var name: Located<String>
    /// The namespace the contract looks at; nil: the configuration's default namespace.
    package var namespace: Located<String>?
    /// The contract file, as displayed in findings.
    package var file: String
    package var expectations: [KindExpectation]

    package init(name: Located<String>, namespace: Located<String>? = nil, file: String, expectations: [KindExpectation] = []) {
        self.name = name
        self.namespace = namespace
        self.file = file
        self.expectations = expectations
    }
}

/// What a contract expects of one kind: how many objects, which ones by name, and clauses that
/// every object of the kind (`each`) or a named one must meet.
package struct KindExpectation: Sendable {
    package var kind: Located<String>
    /// Exactly this many objects of the kind.
    package var count: Located<Int>?
    /// No objects of the kind other than those listed in `objects`.
    package var only: Located<Bool>?
    package var each: ObjectClauses
    package var objects: [ObjectExpectation]
    package var mark: Mark

    package init(kind: Located<String>, count: Located<Int>? = nil, only: Located<Bool>? = nil,
                each: ObjectClauses = ObjectClauses(), objects: [ObjectExpectation] = [], mark: Mark) {
        self.kind = kind
        self.count = count
        self.only = only
        self.each = each
        self.objects = objects
        self.mark = mark
    }

    package var isOnly: Bool { only?.value ?? false }

    /// The named objects that must exist (those not marked `absent`).
    package var requiredObjects: [ObjectExpectation] { objects.filter { !$0.isAbsent } }
}

/// One named object of a `KindExpectation`.
package struct ObjectExpectation: Sendable {
    package var name: Located<String>
    /// `absent: true`: the object must not exist.
    package var absent: Located<Bool>?
    package var clauses: ObjectClauses
    package var mark: Mark

    package init(name: Located<String>, absent: Located<Bool>? = nil, clauses: ObjectClauses = ObjectClauses(), mark: Mark) {
        self.name = name
        self.absent = absent
        self.clauses = clauses
        self.mark = mark
    }

    package var isAbsent: Bool { absent?.value ?? false }
}

/// A Service and port that an Ingress must send its traffic to.
package struct TrafficTarget: Sendable, Hashable, CustomStringConvertible {
    package var service: String
    package var port: IntOrString

    package init(service: String, port: IntOrString) {
        self.service = service
        self.port = port
    }

    package var description: String { "Service \(service) port \(port)" }
}

/// An object a contract names by kind and name (`selects: Pod/rdms`).
package struct ContractObjectReference: Sendable, Hashable, CustomStringConvertible {
    package var kind: String
    package var name: String

    package init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    package var description: String { "\(kind) \(name)" }
}

/// The clauses an object can be held to. Each is checked by its own rule in
/// `KubeLintContracts/Rules/`; which kinds a clause applies to is in `ContractParser.clauseKinds`.
package struct ObjectClauses: Sendable {
    /// PVC `spec.resources.requests.storage`, compared as a quantity (`1Gi` equals `1024Mi`).
    package var storage: Located<String>?
    /// PVC `spec.accessModes`, as a set.
    package var accessModes: Located<[Located<String>]>?
    /// Keys a ConfigMap or Secret must hold.
    package var requiredKeys: [Located<String>]
    /// A Pod that no controller runs or could adopt.
    package var bare: Located<Bool>?
    /// Exactly this many replicas (absent `spec.replicas` counts as 1).
    package var replicas: Located<Int>?
    /// Whether a HorizontalPodAutoscaler scales the workload.
    package var autoscaled: Located<Bool>?
    /// Whether any Service selects the pods.
    package var exposed: Located<Bool>?
    /// A Service's `spec.type` (ClusterIP when absent).
    package var type: Located<String>?
    /// A Service's port numbers, as a set.
    package var ports: Located<[Located<Int>]>?
    /// The object whose pods a Service's selector must select.
    package var selects: Located<ContractObjectReference>?
    /// Where an Ingress must send all traffic: default backend and every rule path.
    package var allTrafficTo: Located<TrafficTarget>?

    package init(
        storage: Located<String>? = nil, accessModes: Located<[Located<String>]>? = nil,
        requiredKeys: [Located<String>] = [], bare: Located<Bool>? = nil, replicas: Located<Int>? = nil,
        autoscaled: Located<Bool>? = nil, exposed: Located<Bool>? = nil, type: Located<String>? = nil,
        ports: Located<[Located<Int>]>? = nil, selects: Located<ContractObjectReference>? = nil,
        allTrafficTo: Located<TrafficTarget>? = nil
    ) {
        self.storage = storage
        self.accessModes = accessModes
        self.requiredKeys = requiredKeys
        self.bare = bare
        self.replicas = replicas
        self.autoscaled = autoscaled
        self.exposed = exposed
        self.type = type
        self.ports = ports
        self.selects = selects
        self.allTrafficTo = allTrafficTo
    }

    package var isEmpty: Bool {
        storage == nil && accessModes == nil && requiredKeys.isEmpty && bare == nil && replicas == nil
            && autoscaled == nil && exposed == nil && type == nil && ports == nil && selects == nil && allTrafficTo == nil
    }

    /// These clauses with the ones `specific` sets taking their place (a named object's clause
    /// overrides the same clause under `each`); required keys add up.
    package func overridden(by specific: ObjectClauses) -> ObjectClauses {
        ObjectClauses(
            storage: specific.storage ?? storage,
            accessModes: specific.accessModes ?? accessModes,
            requiredKeys: requiredKeys + specific.requiredKeys,
            bare: specific.bare ?? bare,
            replicas: specific.replicas ?? replicas,
            autoscaled: specific.autoscaled ?? autoscaled,
            exposed: specific.exposed ?? exposed,
            type: specific.type ?? type,
            ports: specific.ports ?? ports,
            selects: specific.selects ?? selects,
            allTrafficTo: specific.allTrafficTo ?? allTrafficTo
        )
    }
}

/// A contract bound to the part of the tree it governs.
package struct ScopedContract: Sendable {
    package var contract: Contract
    /// Display paths of the files the contract governs; nil for every file of the tree.
    package var files: Set<String>?

    package init(_ contract: Contract, files: Set<String>? = nil) {
        self.contract = contract
        self.files = files
    }

    package func governs(_ resource: Resource) -> Bool {
        files?.contains(resource.source.file) ?? true
    }
}
