import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// The fields of every built-in Kubernetes kind, read once from the generated table.
///
/// The table (`Generated/KubernetesSchemaTable.swift`, written by
/// scripts/generate-kubernetes-schema.py from the official Kubernetes Python client) is plain
/// text, parsed on first use: a large literal costs the compiler almost nothing, where the same
/// facts as nested Swift expressions would slow every build. Its lines are:
///
/// - `@<apiVersion> <kind> <Type>[ >N][ <M][ cluster]`: a top-level kind and the type of its
///   objects; `>N` says Kubernetes 1.N and earlier do not serve it at this apiVersion, `<M` that
///   1.M is the last sampled release whose API describes it (the next sampled release does not
///   serve it); `cluster` that its objects live outside namespaces.
/// - `=<Type>`: starts a type; the field lines that follow belong to it.
/// - `<jsonName> <code>[ !][ d][ >N]`: a field. `!` marks it required; `d` defaulted: the API
///   server reads its zero value (`""`, `0`) as absent and fills in its default; `>N` says it
///   does not exist in Kubernetes 1.N and earlier (it appears in a later sampled release).
///
/// Type codes: `s` string, `i` integer, `n` number, `b` boolean, `t` timestamp (a string),
/// `y` base64 bytes (a string), `q` quantity (`2Gi`, `500m`, or a number), `x` integer or
/// string, `*` anything (free-form JSON), `[T` list of T, `{T` map from strings to T, and any
/// other word names a type.
package struct SchemaTable: Sendable {
    /// Only the recursive cases are boxed. With every payload boxed (`indirect enum`), Swift
    /// stores the case in the box pointer's spare bits, and LeakSanitizer, which looks for
    /// plain pointers, reports the whole table as leaked; `object(Int)` left unboxed makes the
    /// enum keep a separate tag and plain pointers.
    enum FieldType: Sendable {
        case string, integer, number, boolean, time, bytes, quantity, intOrString, any
        case object(Int)
        indirect case list(FieldType)
        indirect case map(FieldType)
    }

    struct Field: Sendable {
        var name: String
        var type: FieldType
        var isRequired: Bool
        /// The API server cannot tell the field's zero value (`""`, `0`) from an absent field (its
        /// Go type is a plain value, not a pointer) and fills in a default: `imagePullPolicy: ""`
        /// is `imagePullPolicy` left out.
        var isDefaulted = false
        /// The field does not exist in Kubernetes 1.N for N up to this (from the sampled releases).
        var absentThroughMinor: Int?
        var check: FieldCheck?
        /// `type` and `check` by number, for the walk (`walkTypes`, `walkChecks`; -1: no check).
        var walkType: Int32 = 0
        var walkCheck: Int32 = -1
    }

    /// A field type as the walk reads it: `FieldType` with the types it holds by number. The walk
    /// keeps one for every value it has still to visit; `FieldType` and `FieldCheck` hold boxes
    /// and arrays, retained and released with every copy.
    enum WalkType: Hashable, Sendable {
        case string, integer, number, boolean, time, bytes, quantity, intOrString, any
        case object(Int)
        case list(Int32)
        case map(Int32)
    }

    /// A required field and the releases that lack it.
    struct RequiredField: Sendable {
        var name: String
        var absentThroughMinor: Int?
    }

    struct TypeSchema: Sendable {
        var name: String
        /// The name without its version prefix (`V1beta1HTTPIngressPath` → `HTTPIngressPath`).
        var baseName: String
        var fields: [String: Field]
        /// Required field names in order, so reports are deterministic.
        var requiredFields: [String]
        var objectCheck: ObjectCheck?
        /// `requiredFields` with their history, for the walk.
        var required: [RequiredField] = []
    }

    struct RootKey: Hashable, Sendable {
        var apiVersion: String
        var kind: String
    }

    private(set) var types: [TypeSchema] = []
    private(set) var roots: [RootKey: Int] = [:]
    /// Kinds not served through 1.N at their apiVersion (first served by a later sampled release).
    private(set) var rootAbsentThroughMinor: [RootKey: Int] = [:]
    /// Kinds whose apiVersion is gone from a later sampled release: the last release describing it.
    private(set) var rootLastServedMinor: [RootKey: Int] = [:]
    /// Built-in kinds whose objects live outside namespaces (`Namespace`, `ClusterRole`,
    /// `PersistentVolume`, `StorageClass`, ...), from the API's paths.
    package private(set) var clusterScopedKinds = ClusterScopedKinds()
    /// API groups that serve built-in kinds ("" for the core group).
    private(set) var builtInGroups: Set<String> = []
    /// Every built-in kind by group, for "did you mean" on unknown kinds.
    private(set) var kindsByGroup: [String: Set<String>] = [:]
    private var typeIndex: [String: Int] = [:]

    /// Fields by the bytes of their names, for the schema walk (see `FieldIndex`).
    private(set) var fieldIndex = FieldIndex()
    /// Every field type by number; the first `types.count` are the object types, in order.
    private(set) var walkTypes: [WalkType] = []
    /// Every field check by number.
    private(set) var walkChecks: [FieldCheck] = [.labelMap, .nonNegativeQuantities]
    static let labelMapCheck: Int32 = 0
    static let nonNegativeQuantitiesCheck: Int32 = 1

    package static let shared = SchemaTable(text: generatedText)

    /// For the index (`IndexPolicy.clusterScopedKinds`): the built-in kinds the API serves
    /// outside namespaces, and the custom kinds that the CustomResourceDefinitions among
    /// `objects` define with `scope: Cluster`.
    package static func clusterScopedKinds(among objects: [Resource]) -> ClusterScopedKinds {
        shared.clusterScopedKinds.adding(definitionsIn: objects)
    }

    /// Reads the table's bytes directly (the generated text is ASCII; a test checks it): split
    /// into lines and words as `String`s and `Character`s, parsing it cost more than linting
    /// the staging tree.
    init(text: String) {
        let bytes = Array(text.utf8)
        let lines = Self.lines(bytes)
        // First pass: number the types so fields can refer to types defined later, and count
        // their fields so that each dictionary is allocated once.
        var fieldCounts: [Int] = []
        for line in lines {
            if line.first == UInt8(ascii: "=") {
                let name = Self.string(line.dropFirst())
                typeIndex[name] = types.count
                types.append(TypeSchema(name: name, baseName: Self.baseName(of: name), fields: [:], requiredFields: [], objectCheck: nil))
                fieldCounts.append(0)
            } else if line.first != UInt8(ascii: "@"), !fieldCounts.isEmpty {
                fieldCounts[fieldCounts.count - 1] += 1
            }
        }
        for index in types.indices {
            types[index].fields.reserveCapacity(fieldCounts[index])
        }
        walkTypes = types.indices.map { WalkType.object($0) }
        var walkTypeNumbers: [WalkType: Int32] = [:]
        for (index, type) in walkTypes.enumerated() { walkTypeNumbers[type] = Int32(index) }
        // Only a few types have field checks: the others skip building a key per field.
        let checkedTypes = Set(FieldRules.fieldChecks.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        var current: Int?
        var currentIsChecked = false
        var clusterScoped: [ClusterScopedKinds.GroupKind] = []
        for line in lines {
            switch line.first {
            case UInt8(ascii: "@"):
                let parts = Self.words(line.dropFirst())
                guard parts.count >= 3, let index = typeIndex[Self.string(parts[2])] else { continue }
                let apiVersion = Self.string(parts[0])
                let kind = Self.string(parts[1])
                let key = RootKey(apiVersion: apiVersion, kind: kind)
                roots[key] = index
                let group = Self.group(of: apiVersion)
                for flag in parts.dropFirst(3) {
                    if flag.elementsEqual("cluster".utf8) { clusterScoped.append(.init(group: group, kind: kind)) }
                    guard let minor = Self.integer(flag.dropFirst()) else { continue }
                    if flag.first == UInt8(ascii: ">") { rootAbsentThroughMinor[key] = minor }
                    if flag.first == UInt8(ascii: "<") { rootLastServedMinor[key] = minor }
                }
                builtInGroups.insert(group)
                kindsByGroup[group, default: []].insert(kind)
            case UInt8(ascii: "="):
                current = typeIndex[Self.string(line.dropFirst())]
                currentIsChecked = current.map { checkedTypes.contains(types[$0].baseName) } ?? false
            default:
                guard let current else { continue }
                addField(line, to: current, mayHaveCheck: currentIsChecked, walkTypeNumbers: &walkTypeNumbers)
            }
        }
        for index in types.indices {
            let base = types[index].baseName
            types[index].objectCheck = FieldRules.objectChecks[base]
            for name in FieldRules.extraRequired[types[index].name] ?? [] {
                types[index].fields[name]?.isRequired = true
            }
            types[index].requiredFields = types[index].fields.values.filter(\.isRequired).map(\.name).sorted()
            types[index].required = types[index].requiredFields.compactMap { name in
                types[index].fields[name].map { RequiredField(name: name, absentThroughMinor: $0.absentThroughMinor) }
            }
        }
        fieldIndex = FieldIndex(types)
        clusterScopedKinds = ClusterScopedKinds(clusterScoped)
    }

    private mutating func addField(
        _ line: ArraySlice<UInt8>, to typeIndex: Int, mayHaveCheck: Bool, walkTypeNumbers: inout [WalkType: Int32]
    ) {
        let parts = Self.words(line)
        guard parts.count >= 2 else { return }
        let name = Self.string(parts[0])
        var field = Field(name: name, type: parseType(parts[1]), isRequired: false, absentThroughMinor: nil, check: nil)
        for flag in parts.dropFirst(2) {
            if flag.count == 1, flag.first == UInt8(ascii: "!") {
                field.isRequired = true
            } else if flag.count == 1, flag.first == UInt8(ascii: "d") {
                field.isDefaulted = true
            } else if flag.first == UInt8(ascii: ">") {
                field.absentThroughMinor = Self.integer(flag.dropFirst())
            }
        }
        if mayHaveCheck, let check = FieldRules.fieldChecks[types[typeIndex].baseName + "." + name] {
            field.check = check
            field.walkCheck = Int32(walkChecks.count)
            walkChecks.append(check)
        }
        field.walkType = number(field.type, &walkTypeNumbers)
        types[typeIndex].fields[name] = field
    }

    /// The number of a field type in `walkTypes`, adding it (and the types it holds) if new.
    private mutating func number(_ type: FieldType, _ numbers: inout [WalkType: Int32]) -> Int32 {
        let walkType: WalkType
        switch type {
        case .string: walkType = .string
        case .integer: walkType = .integer
        case .number: walkType = .number
        case .boolean: walkType = .boolean
        case .time: walkType = .time
        case .bytes: walkType = .bytes
        case .quantity: walkType = .quantity
        case .intOrString: walkType = .intOrString
        case .any: walkType = .any
        case .object(let index): return Int32(index)
        case .list(let item): walkType = .list(number(item, &numbers))
        case .map(let value): walkType = .map(number(value, &numbers))
        }
        if let known = numbers[walkType] { return known }
        numbers[walkType] = Int32(walkTypes.count)
        walkTypes.append(walkType)
        return Int32(walkTypes.count - 1)
    }

    private func parseType(_ code: ArraySlice<UInt8>) -> FieldType {
        guard let first = code.first else { return .any }
        switch first {
        case UInt8(ascii: "["): return .list(parseType(code.dropFirst()))
        case UInt8(ascii: "{"): return .map(parseType(code.dropFirst()))
        default: break
        }
        if code.count == 1 {
            switch first {
            case UInt8(ascii: "s"): return .string
            case UInt8(ascii: "i"): return .integer
            case UInt8(ascii: "n"): return .number
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "t"): return .time
            case UInt8(ascii: "y"): return .bytes
            case UInt8(ascii: "q"): return .quantity
            case UInt8(ascii: "x"): return .intOrString
            default: return .any
            }
        }
        return typeIndex[Self.string(code)].map(FieldType.object) ?? .any
    }

    /// The non-empty lines of the table.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(bytes.count / 16)
        var start = 0
        for end in bytes.indices where bytes[end] == UInt8(ascii: "\n") {
            if end > start { lines.append(bytes[start..<end]) }
            start = end + 1
        }
        if bytes.count > start { lines.append(bytes[start...]) }
        return lines
    }

    /// The words of a line, separated by spaces.
    private static func words(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        words.reserveCapacity(4)
        var start = line.startIndex
        for end in line.indices where line[end] == UInt8(ascii: " ") {
            if end > start { words.append(line[start..<end]) }
            start = end + 1
        }
        if line.endIndex > start { words.append(line[start...]) }
        return words
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A decimal number as `Int(_:)` reads one (an optional sign, then digits only).
    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        Int(string(bytes))
    }

    /// The first sampled release that no longer serves a kind at this apiVersion, if any.
    func firstReleaseWithout(apiVersion: String, kind: String) -> KubernetesVersion? {
        guard let last = rootLastServedMinor[RootKey(apiVersion: apiVersion, kind: kind)],
              let next = Self.sampledMinorVersions.first(where: { $0 > last }) else { return nil }
        return .v1(next)
    }

    func root(apiVersion: String, kind: String) -> Int? {
        roots[RootKey(apiVersion: apiVersion, kind: kind)]
    }

    /// The ObjectMeta schema, used for the `metadata` of objects whose kind has no schema.
    var objectMeta: Int? { typeIndex["V1ObjectMeta"] }

    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Drops the client's version prefix, optionally preceded by a group word
    /// (`V1Pod`, `V2beta2MetricSpec`, `ExtensionsV1beta1Ingress` → `Pod`, `MetricSpec`, `Ingress`).
    /// Type names are ASCII identifiers, so their bytes are their characters.
    static func baseName(of name: String) -> String {
        let characters = Array(name.utf8)
        func isDigit(_ index: Int) -> Bool { characters[index] >= UInt8(ascii: "0") && characters[index] <= UInt8(ascii: "9") }
        func isUppercase(_ index: Int) -> Bool { characters[index] >= UInt8(ascii: "A") && characters[index] <= UInt8(ascii: "Z") }
        func isLowercase(_ index: Int) -> Bool { characters[index] >= UInt8(ascii: "a") && characters[index] <= UInt8(ascii: "z") }
        var index = 0
        // Optional capitalised words (a group), then `V` and digits, then `alpha`/`beta` and digits.
        while index < characters.count {
            if characters[index] == UInt8(ascii: "V"), index + 1 < characters.count, isDigit(index + 1) {
                var cursor = index + 1
                while cursor < characters.count, isDigit(cursor) { cursor += 1 }
                for stage in ["alpha", "beta"] where characters[cursor...].starts(with: stage.utf8) {
                    var digits = cursor + stage.utf8.count
                    while digits < characters.count, isDigit(digits) { digits += 1 }
                    if digits > cursor + stage.utf8.count { cursor = digits }
                }
                if cursor < characters.count, isUppercase(cursor) {
                    return String(decoding: characters[cursor...], as: UTF8.self)
                }
                return name
            }
            guard isUppercase(index) else { return name }
            index += 1
            while index < characters.count, isLowercase(index) { index += 1 }
        }
        return name
    }
}
