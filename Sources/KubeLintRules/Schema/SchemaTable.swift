/// The fields of every built-in Kubernetes kind, read once from the generated table.
///
/// The table (`Generated/KubernetesSchemaTable.swift`, written by
/// scripts/generate-kubernetes-schema.py from the official Kubernetes Python client) is plain
/// text, parsed on first use: a large literal costs the compiler almost nothing, where the same
/// facts as nested Swift expressions would slow every build. Its lines are:
///
/// - `@<apiVersion> <kind> <Type>[ >N][ <M]`: a top-level kind and the type of its objects; `>N`
///   says Kubernetes 1.N and earlier do not serve it at this apiVersion, `<M` that 1.M is the
///   last sampled release whose API describes it (the next sampled release does not serve it).
/// - `=<Type>`: starts a type; the field lines that follow belong to it.
/// - `<jsonName> <code>[ !][ >N]`: a field. `!` marks it required; `>N` says it does not exist
///   in Kubernetes 1.N and earlier (it appears in a later sampled release).
///
/// Type codes: `s` string, `i` integer, `n` number, `b` boolean, `t` timestamp (a string),
/// `y` base64 bytes (a string), `q` quantity (`2Gi`, `500m`, or a number), `x` integer or
/// string, `*` anything (free-form JSON), `[T` list of T, `{T` map from strings to T, and any
/// other word names a type.
struct SchemaTable: Sendable {
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
        /// The field does not exist in Kubernetes 1.N for N up to this (from the sampled releases).
        var absentThroughMinor: Int?
        var check: FieldCheck?
    }

    struct TypeSchema: Sendable {
        var name: String
        /// The name without its version prefix (`V1beta1HTTPIngressPath` → `HTTPIngressPath`).
        var baseName: String
        var fields: [String: Field]
        /// Required field names in order, so reports are deterministic.
        var requiredFields: [String]
        var objectCheck: ObjectCheck?
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
    /// API groups that serve built-in kinds ("" for the core group).
    private(set) var builtInGroups: Set<String> = []
    /// Every built-in kind by group, for "did you mean" on unknown kinds.
    private(set) var kindsByGroup: [String: Set<String>] = [:]
    private var typeIndex: [String: Int] = [:]

    static let shared = SchemaTable(text: generatedText)

    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        // First pass: number the types so fields can refer to types defined later.
        for line in lines where line.first == "=" {
            let name = String(line.dropFirst())
            typeIndex[name] = types.count
            types.append(TypeSchema(name: name, baseName: Self.baseName(of: name), fields: [:], requiredFields: [], objectCheck: nil))
        }
        var current: Int?
        for line in lines {
            switch line.first {
            case "@":
                let parts = line.dropFirst().split(separator: " ")
                guard parts.count >= 3, let index = typeIndex[String(parts[2])] else { continue }
                let apiVersion = String(parts[0])
                let kind = String(parts[1])
                let key = RootKey(apiVersion: apiVersion, kind: kind)
                roots[key] = index
                for flag in parts.dropFirst(3) {
                    guard let minor = Int(flag.dropFirst()) else { continue }
                    if flag.first == ">" { rootAbsentThroughMinor[key] = minor }
                    if flag.first == "<" { rootLastServedMinor[key] = minor }
                }
                let group = Self.group(of: apiVersion)
                builtInGroups.insert(group)
                kindsByGroup[group, default: []].insert(kind)
            case "=":
                current = typeIndex[String(line.dropFirst())]
            default:
                guard let current else { continue }
                addField(line, to: current)
            }
        }
        for index in types.indices {
            let base = types[index].baseName
            types[index].objectCheck = FieldRules.objectChecks[base]
            for name in FieldRules.extraRequired[types[index].name] ?? [] {
                types[index].fields[name]?.isRequired = true
            }
            types[index].requiredFields = types[index].fields.values.filter(\.isRequired).map(\.name).sorted()
        }
    }

    private mutating func addField(_ line: Substring, to typeIndex: Int) {
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let name = String(parts[0])
        var field = Field(name: name, type: parseType(parts[1]), isRequired: false, absentThroughMinor: nil, check: nil)
        for flag in parts.dropFirst(2) {
            if flag == "!" {
                field.isRequired = true
            } else if flag.first == ">" {
                field.absentThroughMinor = Int(flag.dropFirst())
            }
        }
        field.check = FieldRules.fieldChecks[types[typeIndex].baseName + "." + name]
        types[typeIndex].fields[name] = field
    }

    private func parseType(_ code: Substring) -> FieldType {
        guard let first = code.first else { return .any }
        switch first {
        case "[": return .list(parseType(code.dropFirst()))
        case "{": return .map(parseType(code.dropFirst()))
        default: break
        }
        if code.count == 1 {
            switch first {
            case "s": return .string
            case "i": return .integer
            case "n": return .number
            case "b": return .boolean
            case "t": return .time
            case "y": return .bytes
            case "q": return .quantity
            case "x": return .intOrString
            default: return .any
            }
        }
        return typeIndex[String(code)].map(FieldType.object) ?? .any
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
    static func baseName(of name: String) -> String {
        let characters = Array(name)
        var index = 0
        // Optional capitalised words (a group), then `V` and digits, then `alpha`/`beta` and digits.
        while index < characters.count {
            if characters[index] == "V", index + 1 < characters.count, characters[index + 1].isNumber {
                var cursor = index + 1
                while cursor < characters.count, characters[cursor].isNumber { cursor += 1 }
                for stage in ["alpha", "beta"] where String(characters[cursor...].prefix(stage.count)) == stage {
                    var digits = cursor + stage.count
                    while digits < characters.count, characters[digits].isNumber { digits += 1 }
                    if digits > cursor + stage.count { cursor = digits }
                }
                if cursor < characters.count, characters[cursor].isUppercase {
                    return String(characters[cursor...])
                }
                return name
            }
            guard characters[index].isUppercase else { return name }
            index += 1
            while index < characters.count, characters[index].isLowercase { index += 1 }
        }
        return name
    }
}
