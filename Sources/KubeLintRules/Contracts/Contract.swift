import KubeLintModel
import KubeLintYAML

/// A team's invariants about its tree, read from a contract file in `rules/` (format in
/// docs/contracts.md). Every part keeps its position, so a finding about something the tree
/// lacks can point at the contract line that asked for it.
public struct Contract: Sendable {
    /// The contract's name, for messages ("contract 'staging'").
    public var name: Located<String>
    /// The namespace the contract looks at; nil: the configuration's default namespace.
    public var namespace: Located<String>?
    /// The contract file, as displayed in findings.
    public var file: String
    public var expectations: [KindExpectation]

    public init(name: Located<String>, namespace: Located<String>? = nil, file: String, expectations: [KindExpectation] = []) {
        self.name = name
        self.namespace = namespace
        self.file = file
        self.expectations = expectations
    }
}

/// What a contract expects of one kind: how many objects, which ones by name, and clauses that
/// every object of the kind (`each`) or a named one must meet.
public struct KindExpectation: Sendable {
    public var kind: Located<String>
    /// Exactly this many objects of the kind.
    public var count: Located<Int>?
    /// No objects of the kind other than those listed in `objects`.
    public var only: Located<Bool>?
    public var each: ObjectClauses
    public var objects: [ObjectExpectation]
    public var mark: Mark

    public init(kind: Located<String>, count: Located<Int>? = nil, only: Located<Bool>? = nil,
                each: ObjectClauses = ObjectClauses(), objects: [ObjectExpectation] = [], mark: Mark) {
        self.kind = kind
        self.count = count
        self.only = only
        self.each = each
        self.objects = objects
        self.mark = mark
    }

    public var isOnly: Bool { only?.value ?? false }

    /// The named objects that must exist (those not marked `absent`).
    public var requiredObjects: [ObjectExpectation] { objects.filter { !$0.isAbsent } }
}

/// One named object of a `KindExpectation`.
public struct ObjectExpectation: Sendable {
    public var name: Located<String>
    /// `absent: true`: the object must not exist.
    public var absent: Located<Bool>?
    public var clauses: ObjectClauses
    public var mark: Mark

    public init(name: Located<String>, absent: Located<Bool>? = nil, clauses: ObjectClauses = ObjectClauses(), mark: Mark) {
        self.name = name
        self.absent = absent
        self.clauses = clauses
        self.mark = mark
    }

    public var isAbsent: Bool { absent?.value ?? false }
}

/// A Service and port that an Ingress must send its traffic to.
public struct TrafficTarget: Sendable, Hashable, CustomStringConvertible {
    public var service: String
    public var port: IntOrString

    public init(service: String, port: IntOrString) {
        self.service = service
        self.port = port
    }

    public var description: String { "Service \(service) port \(port)" }
}

/// An object a contract names by kind and name (`selects: Pod/rdms`).
public struct ContractObjectReference: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind) \(name)" }
}

/// The clauses an object can be held to. Each is checked by its own rule in
/// `BuiltIn/Contracts/`; which kinds a clause applies to is in `ContractParser.clauseKinds`.
public struct ObjectClauses: Sendable {
    /// PVC `spec.resources.requests.storage`, compared as a quantity (`1Gi` equals `1024Mi`).
    public var storage: Located<String>?
    /// PVC `spec.accessModes`, as a set.
    public var accessModes: Located<[Located<String>]>?
    /// Keys a ConfigMap or Secret must hold.
    public var requiredKeys: [Located<String>]
    /// A Pod that no controller runs or could adopt.
    public var bare: Located<Bool>?
    /// Exactly this many replicas (absent `spec.replicas` counts as 1).
    public var replicas: Located<Int>?
    /// Whether a HorizontalPodAutoscaler scales the workload.
    public var autoscaled: Located<Bool>?
    /// Whether any Service selects the pods.
    public var exposed: Located<Bool>?
    /// A Service's `spec.type` (ClusterIP when absent).
    public var type: Located<String>?
    /// A Service's port numbers, as a set.
    public var ports: Located<[Located<Int>]>?
    /// The object whose pods a Service's selector must select.
    public var selects: Located<ContractObjectReference>?
    /// Where an Ingress must send all traffic: default backend and every rule path.
    public var allTrafficTo: Located<TrafficTarget>?

    public init(
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

    public var isEmpty: Bool {
        storage == nil && accessModes == nil && requiredKeys.isEmpty && bare == nil && replicas == nil
            && autoscaled == nil && exposed == nil && type == nil && ports == nil && selects == nil && allTrafficTo == nil
    }

    /// These clauses with the ones `specific` sets taking their place (a named object's clause
    /// overrides the same clause under `each`); required keys add up.
    public func overridden(by specific: ObjectClauses) -> ObjectClauses {
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
public struct ScopedContract: Sendable {
    public var contract: Contract
    /// Display paths of the files the contract governs; nil for every file of the tree.
    public var files: Set<String>?

    public init(_ contract: Contract, files: Set<String>? = nil) {
        self.contract = contract
        self.files = files
    }

    public func governs(_ resource: Resource) -> Bool {
        files?.contains(resource.source.file) ?? true
    }
}
