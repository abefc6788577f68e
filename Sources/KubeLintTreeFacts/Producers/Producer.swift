import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// One entry of the producer table: what the operator of a custom kind makes for each object of
/// that kind (Secrets, ConfigMaps, Services, pods with their labels), named from which fields,
/// and which fields of the object only name things it reads. Built in (`BuiltInProducers`) and
/// added to in `.kubelint.yaml` (`producers:`), in one format read by `ProducerReader`.
package struct Producer: Sendable {
    /// The kinds of object a producer can make that references name.
    package enum ObjectKind: String, Sendable, CaseIterable {
        case secret = "Secret"
        case configMap = "ConfigMap"
        case service = "Service"

        /// The key of the list in a producer entry (`secrets:`, `configMaps:`, `services:`).
        var listKey: String {
            switch self {
            case .secret: "secrets"
            case .configMap: "configMaps"
            case .service: "services"
            }
        }
    }

    /// An object the operator makes: its name, and the namespace when not the resource's own.
    struct MadeObject: Sendable {
        var kind: ObjectKind
        var name: NameTemplate
        /// nil: the resource's namespace. `*`: every namespace (a cluster-wide fan-out).
        var namespace: NameTemplate?
        var inEveryNamespace = false
        var condition: ProducerCondition
    }

    /// Pods the operator runs: the labels it gives them, and fields of the resource whose
    /// labels it copies onto them (its own labels win).
    struct MadePods: Sendable {
        var labels: [(key: String, value: NameTemplate)]
        var labelsFrom: [FieldPath]
        var condition: ProducerCondition
    }

    /// A field naming an object the resource reads: the operator does not make it.
    struct ReadField: Sendable {
        var kind: ObjectKind
        var path: FieldPath
    }

    /// `*` in either matches any custom resource (Crossplane's connection Secrets).
    package var group: String
    package var kind: String
    var objects: [MadeObject] = []
    var pods: [MadePods] = []
    var reads: [ReadField] = []
    /// Where a configuration entry is written; nil for built-in entries.
    package var mark: Mark?

    func applies(group: String, kind: String) -> Bool {
        (self.group == "*" || self.group == group) && (self.kind == "*" || self.kind == kind)
    }

    /// Whether the entry names one kind of one group, rather than a convention across kinds.
    var isSpecific: Bool { group != "*" && kind != "*" }
}

/// When a producer entry makes something: `when` (any of its alternatives holds) and not
/// `unless` (none holds). An alternative is a mapping of field paths to the values that
/// satisfy it; `"*"` accepts any value that is present and not false.
struct ProducerCondition: Sendable {
    struct Clause: Sendable {
        var path: FieldPath
        var accepted: [String]
    }

    /// Alternatives, each a list of clauses that must all hold. Empty: always.
    var when: [[Clause]] = []
    var unless: [[Clause]] = []

    func holds(for resource: ProducerSubject) -> Bool {
        (when.isEmpty || when.contains { Self.all($0, resource) }) && !unless.contains { Self.all($0, resource) }
    }

    private static func all(_ clauses: [Clause], _ resource: ProducerSubject) -> Bool {
        clauses.allSatisfy { clause in
            let values = clause.path.values(in: resource)
            return clause.accepted.contains { accepted in
                accepted == "*" ? clause.path.isPresent(in: resource) : values.contains { Self.value($0, equals: accepted) }
            }
        }
    }

    /// Values compare as YAML reads them: `true`, `True` and `"true"` are one value.
    private static func value(_ value: String, equals accepted: String) -> Bool {
        if case .bool(let left) = ResolvedScalar.resolvePlain(value), case .bool(let right) = ResolvedScalar.resolvePlain(accepted) {
            return left == right
        }
        return value == accepted
    }
}
