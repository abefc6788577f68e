import KubeLintYAML

/// `metadata` of any object.
public struct ObjectMeta: Sendable {
    public var name: Located<String>?
    public var generateName: Located<String>?
    public var namespace: Located<String>?
    public var labels: StringMap
    public var annotations: StringMap
    public var ownerReferences: [OwnerReference]
    /// Where `metadata` starts; nil when the object has none.
    public var mark: Mark?

    public init(
        name: Located<String>? = nil, generateName: Located<String>? = nil, namespace: Located<String>? = nil,
        labels: StringMap = StringMap(), annotations: StringMap = StringMap(),
        ownerReferences: [OwnerReference] = [], mark: Mark? = nil
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.mark = mark
    }

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        generateName = reader.string("generateName", context: &context)
        namespace = reader.string("namespace", context: &context)
        labels = reader.stringMap("labels", context: &context)
        annotations = reader.stringMap("annotations", context: &context)
        ownerReferences = reader.objects("ownerReferences", context: &context, OwnerReference.init)
        mark = reader.node.start
    }
}

public struct OwnerReference: Sendable {
    public var apiVersion: Located<String>?
    public var kind: Located<String>?
    public var name: Located<String>?
    public var controller: Located<Bool>?

    init(_ reader: MappingReader, context: inout DecodeContext) {
        apiVersion = reader.string("apiVersion", context: &context)
        kind = reader.string("kind", context: &context)
        name = reader.string("name", context: &context)
        controller = reader.bool("controller", context: &context)
    }
}

/// A label selector (`matchLabels` and `matchExpressions`), as workloads and PDBs use.
public struct LabelSelector: Sendable {
    public struct Requirement: Sendable {
        public var key: Located<String>?
        public var `operator`: Located<String>?
        public var values: [Located<String>]
        public var mark: Mark

        init(_ reader: MappingReader, context: inout DecodeContext) {
            key = reader.string("key", context: &context)
            `operator` = reader.string("operator", context: &context)
            values = reader.strings("values", context: &context)
            mark = reader.node.start
            reader.require("key", context: &context)
            reader.require("operator", context: &context)
        }

        /// Whether a set of labels satisfies this requirement; nil for an operator kubelint
        /// does not know (the selector is then treated as unknown, never as "matches nothing").
        public func matches(_ labels: StringMap) -> Bool? {
            guard let key = key?.value, let op = `operator`?.value else { return nil }
            let value = labels[key]
            let allowed = values.map(\.value)
            switch op {
            case "In": return value.map { allowed.contains($0) } ?? false
            case "NotIn": return value.map { !allowed.contains($0) } ?? true
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            default: return nil
            }
        }
    }

    public var matchLabels: StringMap
    public var matchExpressions: [Requirement]
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        matchLabels = reader.stringMap("matchLabels", context: &context)
        matchExpressions = reader.objects("matchExpressions", context: &context, Requirement.init)
        mark = reader.node.start
    }

    /// True when the selector selects nothing by construction (`{}` selects everything for a
    /// PDB but is rejected for workloads; callers decide what empty means).
    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Whether `labels` are selected; nil when an expression has an unknown operator.
    public func matches(_ labels: StringMap) -> Bool? {
        guard matchLabels.isSubset(of: labels) else { return false }
        for requirement in matchExpressions {
            guard let matched = requirement.matches(labels) else { return nil }
            if !matched { return false }
        }
        return true
    }
}
