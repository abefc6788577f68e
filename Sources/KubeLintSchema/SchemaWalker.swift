import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// Checks one object against the built-in schema: every key known, every value of its type,
/// required fields present, and the field rules of `FieldRules`.
///
/// The walk is iterative (an explicit stack), visits each node once, and builds a path string
/// only for a node it reports, so its cost is linear in the size of the object.
struct SchemaWalker {
    /// A value still to visit: its node, its type and check (`SchemaTable.walkTypes`,
    /// `walkChecks`; -1: none) and its path. All numbers, so that keeping thousands of them
    /// retains nothing.
    private struct Work {
        var node: UInt32
        var type: Int32
        var check: Int32
        var step: Int
    }

    let table: SchemaTable
    let target: KubernetesVersion
    private(set) var problems: [SchemaProblem] = []
    private var trail: PathTrail
    private var stack: [Work] = []

    init(table: SchemaTable, target: KubernetesVersion, pathPrefix: String) {
        self.table = table
        self.target = target
        trail = PathTrail(prefix: pathPrefix)
    }

    /// Starts over for another object, keeping the storage (one walker checks many objects).
    mutating func reset(pathPrefix: String) {
        problems = []
        trail.reset(prefix: pathPrefix)
        stack.removeAll(keepingCapacity: true)
    }

    /// Checks `node` (an object's root mapping) as an instance of the type at `typeIndex`.
    mutating func walkObject(_ node: Node, typeIndex: Int) {
        let (nodes, root) = node.tableEntry ?? NodeTable.copying(node)
        // The first numbers of `walkTypes` are the object types, in order.
        stack.append(Work(node: root, type: Int32(typeIndex), check: -1, step: PathTrail.root))
        drain(nodes)
    }

    /// Checks only the object's `metadata`: all that is known of a kind without a schema.
    mutating func walkMetadata(of root: Node) {
        guard let metadata = root.pair("metadata"), !metadata.value.isNull, let objectMeta = table.objectMeta else { return }
        let step = trail.field("metadata", under: PathTrail.root)
        let (nodes, value) = metadata.value.tableEntry ?? NodeTable.copying(metadata.value)
        stack.append(Work(node: value, type: Int32(objectMeta), check: -1, step: step))
        drain(nodes)
    }

    private mutating func drain(_ nodes: NodeTable) {
        while let work = stack.popLast() {
            visit(work, in: nodes)
        }
    }

    private mutating func report(_ kind: SchemaProblem.Kind, at mark: Mark, step: Int, keys nodes: NodeTable) {
        problems.append(SchemaProblem(kind: kind, path: trail.path(step, keys: nodes), mark: mark))
    }

    private func check(_ number: Int32) -> FieldCheck? {
        number < 0 ? nil : table.walkChecks[Int(number)]
    }

    private mutating func visit(_ work: Work, in nodes: NodeTable) {
        switch table.walkTypes[Int(work.type)] {
        case .any:
            return
        case .object(let index):
            guard nodes.kind(work.node) == .mapping else {
                let node = nodes.node(work.node)
                report(.wrongType(expected: "a mapping", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            visitObject(work.node, typeIndex: index, step: work.step, in: nodes)
        case .list(let itemType):
            guard nodes.kind(work.node) == .sequence else {
                let node = nodes.node(work.node)
                report(.wrongType(expected: "a list", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            // Pushed in reverse so that problems come out in source order.
            for position in (0..<nodes.childCount(work.node)).reversed() {
                let step = trail.index(position, under: work.step)
                stack.append(Work(node: nodes.item(work.node, at: position), type: itemType, check: work.check, step: step))
            }
        case .map(let valueType):
            guard nodes.kind(work.node) == .mapping else {
                let node = nodes.node(work.node)
                report(.wrongType(expected: "a mapping", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            visitMap(work.node, valueType: valueType, check: check(work.check), step: work.step, in: nodes)
        case .string, .time, .bytes:
            // Without a check only the type matters, and most strings show it in their first byte.
            if work.check < 0 && nodes.isEvidentlyString(work.node) { return }
            let node = nodes.node(work.node)
            guard let text = stringValue(node, step: work.step, keys: nodes) else { return }
            checkString(text, node: node, check: check(work.check), step: work.step, keys: nodes)
        case .integer:
            let node = nodes.node(work.node)
            guard case .scalar(let scalar) = node.content, case .int(let value) = scalar.resolved else {
                report(.wrongType(expected: "an integer", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            checkInteger(value, node: node, check: check(work.check), step: work.step, keys: nodes)
        case .number:
            let node = nodes.node(work.node)
            guard case .scalar(let scalar) = node.content else {
                report(.wrongType(expected: "a number", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            switch scalar.resolved {
            case .int, .float: return
            default: report(.wrongType(expected: "a number", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
            }
        case .boolean:
            let node = nodes.node(work.node)
            guard case .scalar(let scalar) = node.content, case .bool = scalar.resolved else {
                report(.wrongType(expected: "a boolean", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
        case .intOrString:
            let node = nodes.node(work.node)
            guard case .scalar(let scalar) = node.content else {
                report(.wrongType(expected: "an integer or a string", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
                return
            }
            switch scalar.resolved {
            case .int(let value):
                checkInteger(value, node: node, check: check(work.check), step: work.step, keys: nodes)
            case .string(let text):
                if case .port = check(work.check), var reason = ValueSyntax.ianaServiceName(text) {
                    if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                        reason += " (for a port number, write it without quotes)"
                    }
                    report(.invalidPortName(name: text, reason: reason), at: node.start, step: work.step, keys: nodes)
                }
            default:
                report(.wrongType(expected: "an integer or a string", found: node.typeDescription), at: node.start, step: work.step, keys: nodes)
            }
        case .quantity:
            checkQuantity(nodes.node(work.node), check: check(work.check), step: work.step, keys: nodes)
        }
    }

    /// A field of an object type, with what the walk needs of it.
    private struct FoundField {
        var type: Int32
        var check: Int32
        var absentThroughMinor: Int?
        var isDefaulted: Bool
    }

    /// The field a key names in a type. ASCII keys are found by their bytes; other keys (and
    /// tables with non-ASCII names) through the type's dictionary, which compares as `String`s.
    private func field(named bytes: ArraySlice<UInt8>, in typeIndex: Int) -> FoundField? {
        let index = table.fieldIndex
        if index.isExact {
            let position: Int32? = bytes.withUnsafeBufferPointer { bytes in
                Self.isASCII(bytes) ? index.find(ofType: typeIndex, named: bytes) : nil
            }
            if let position {
                guard position >= 0 else { return nil }
                let parts = index.walkParts(position)
                return FoundField(type: parts.type, check: parts.check, absentThroughMinor: parts.absentThroughMinor, isDefaulted: parts.isDefaulted)
            }
        }
        guard let field = table.types[typeIndex].fields[String(decoding: bytes, as: UTF8.self)] else { return nil }
        return FoundField(type: field.walkType, check: field.walkCheck, absentThroughMinor: field.absentThroughMinor, isDefaulted: field.isDefaulted)
    }

    private mutating func visitObject(_ node: UInt32, typeIndex: Int, step: Int, in nodes: NodeTable) {
        if let objectCheck = table.types[typeIndex].objectCheck {
            checkObject(objectCheck, node: nodes.node(node), step: step, keys: nodes)
        }
        // Pushed, then reversed, so that problems come out in source order.
        let first = stack.count
        var misspelt: Set<String> = []
        for position in 0..<nodes.childCount(node) {
            let (key, value) = nodes.entry(node, at: position)
            // Only scalar keys name fields (a JSON key is text).
            guard let bytes = nodes.scalarUTF8(key) else { continue }
            guard let field = field(named: bytes, in: typeIndex) else {
                let text = String(decoding: bytes, as: UTF8.self)
                var suggestion = NameSuggestion.closest(to: text, among: table.types[typeIndex].fields.keys)
                // The exact name one level down (`containerPort` in a container) says more than a
                // close name here, unless that differs only in case.
                let parents = suggestion?.lowercased() == text.lowercased() ? [] : parentFields(of: text, under: typeIndex)
                if !parents.isEmpty { suggestion = nil }
                if let suggestion { misspelt.insert(suggestion) }
                report(.unknownField(field: text, suggestion: suggestion, missingIn: nil, belongsUnder: parents), at: nodes.start(key), step: step, keys: nodes)
                continue
            }
            if isAbsentInTarget(field.absentThroughMinor) {
                let text = String(decoding: bytes, as: UTF8.self)
                report(.unknownField(field: text, suggestion: nil, missingIn: target, belongsUnder: []), at: nodes.start(key), step: step, keys: nodes)
                continue
            }
            if nodes.isNull(value) { continue }
            // `imagePullPolicy: ""`, `targetPort: 0`: the API server reads the zero value of a
            // defaulted field as the field left out, and fills in its default.
            if field.isDefaulted && isZeroValue(nodes.node(value), of: table.walkTypes[Int(field.type)]) { continue }
            let child = trail.key(key, under: step)
            stack.append(Work(node: value, type: field.type, check: field.check, step: child))
        }
        reverseStack(from: first)
        // A required field written with a typo is one problem, reported as the unknown field.
        for required in table.types[typeIndex].required where !misspelt.contains(required.name) {
            guard !isAbsentInTarget(required.absentThroughMinor) else { continue }
            let entry = nodes.entry(node, key: required.name)
            if entry == nil || entry.map({ nodes.isNull($0.value) }) == true {
                report(.missingField(required.name), at: entry.map { nodes.start($0.key) } ?? nodes.start(node), step: step, keys: nodes)
            }
        }
    }

    /// The zero value of the type (`""` for a string, `0` for an integer, either for an int or
    /// string): what Go's JSON decoding cannot tell from an absent field of a plain type.
    private func isZeroValue(_ node: Node, of type: SchemaTable.WalkType) -> Bool {
        guard case .scalar(let scalar) = node.content else { return false }
        switch (scalar.resolved, type) {
        case (.string(let text), .string), (.string(let text), .intOrString): return text.isEmpty
        case (.int(let value), .integer), (.int(let value), .intOrString): return value == 0
        default: return false
        }
    }

    /// Reverses the work pushed since `first` in place (reversing the slice copied it).
    private mutating func reverseStack(from first: Int) {
        var low = first
        var high = stack.count - 1
        while low < high {
            stack.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// The fields of `typeIndex` whose objects (or list entries, `ports[]`) have a field named
    /// `name` at the target, sorted; none when more than three do, which would not help.
    private func parentFields(of name: String, under typeIndex: Int) -> [String] {
        var parents: [String] = []
        for field in table.types[typeIndex].fields.values where !isAbsentInTarget(field.absentThroughMinor) {
            let child: Int
            let suffix: String
            switch field.type {
            case .object(let index): (child, suffix) = (index, "")
            case .list(.object(let index)): (child, suffix) = (index, "[]")
            default: continue
            }
            guard let found = table.types[child].fields[name], !isAbsentInTarget(found.absentThroughMinor) else { continue }
            parents.append(field.name + suffix)
        }
        return parents.count > 3 ? [] : parents.sorted()
    }

    private func isAbsentInTarget(_ absentThroughMinor: Int?) -> Bool {
        guard let absent = absentThroughMinor else { return false }
        return target.major == 1 && target.minor <= absent
    }

    private mutating func visitMap(_ node: UInt32, valueType: Int32, check: FieldCheck?, step: Int, in nodes: NodeTable) {
        var valueCheck: Int32 = -1
        switch check {
        case .labelMap: valueCheck = SchemaTable.labelMapCheck
        case .nonNegativeQuantities: valueCheck = SchemaTable.nonNegativeQuantitiesCheck
        default: valueCheck = -1
        }
        // Pushed, then reversed, so that problems come out in source order.
        let first = stack.count
        for position in 0..<nodes.childCount(node) {
            let (key, value) = nodes.entry(node, at: position)
            guard let bytes = nodes.scalarUTF8(key) else { continue }
            let child = trail.key(key, under: step)
            switch check {
            case .labelMap, .annotationMap:
                let text = String(decoding: bytes, as: UTF8.self)
                if let reason = ValueSyntax.qualifiedName(text) {
                    report(.invalidLabel(text: text, reason: "is not a valid \(check.isAnnotation ? "annotation" : "label") key: \(reason)"), at: nodes.start(key), step: step, keys: nodes)
                }
            case .configKeys:
                let text = String(decoding: bytes, as: UTF8.self)
                if let reason = ValueSyntax.configKey(text) {
                    report(.invalidName(value: text, reason: "a data key \(reason)"), at: nodes.start(key), step: step, keys: nodes)
                }
            default:
                break
            }
            stack.append(Work(node: value, type: valueType, check: valueCheck, step: child))
        }
        reverseStack(from: first)
    }

    /// The text of a string value; reports non-strings (null included: inside lists and maps,
    /// where a null is not "absent").
    private mutating func stringValue(_ node: Node, step: Int, keys nodes: NodeTable) -> String? {
        guard case .scalar(let scalar) = node.content else {
            report(.wrongType(expected: "a string", found: node.typeDescription), at: node.start, step: step, keys: nodes)
            return nil
        }
        let resolved = scalar.resolved
        if case .string(let text) = resolved { return text }
        report(.stringExpected(found: resolved, text: scalar.text), at: node.start, step: step, keys: nodes)
        return nil
    }

    private mutating func checkString(_ text: String, node: Node, check: FieldCheck?, step: Int, keys nodes: NodeTable) {
        switch check {
        case .oneOf(let allowed):
            if !allowed.contains(text) {
                report(.invalidEnum(value: text, allowed: allowed), at: node.start, step: step, keys: nodes)
            }
        case .portName:
            if let reason = ValueSyntax.ianaServiceName(text) {
                report(.invalidPortName(name: text, reason: reason + " (IANA service name)"), at: node.start, step: step, keys: nodes)
            }
        case .servicePortName:
            if let reason = ValueSyntax.dnsLabel(text) {
                report(.invalidPortName(name: text, reason: reason), at: node.start, step: step, keys: nodes)
            }
        case .dnsLabel:
            if let reason = ValueSyntax.dnsLabel(text) {
                report(.invalidName(value: text, reason: reason), at: node.start, step: step, keys: nodes)
            }
        case .labelKey:
            if let reason = ValueSyntax.qualifiedName(text) {
                report(.invalidLabel(text: text, reason: "is not a valid label key: \(reason)"), at: node.start, step: step, keys: nodes)
            }
        case .labelMap:
            if let reason = ValueSyntax.labelValue(text) {
                report(.invalidLabel(text: text, reason: "is not a valid label value: \(reason)"), at: node.start, step: step, keys: nodes)
            }
        default:
            break
        }
    }

    private mutating func checkInteger(_ value: Int64, node: Node, check: FieldCheck?, step: Int, keys nodes: NodeTable) {
        guard case .port(let allowsZero) = check else { return }
        if value == 0 && allowsZero { return }
        if value < 1 || value > 65535 {
            report(.invalidPort(value), at: node.start, step: step, keys: nodes)
        }
    }

    private mutating func checkQuantity(_ node: Node, check: FieldCheck?, step: Int, keys nodes: NodeTable) {
        guard case .scalar(let scalar) = node.content else {
            report(.wrongType(expected: "a quantity", found: node.typeDescription), at: node.start, step: step, keys: nodes)
            return
        }
        let negative: Bool
        switch scalar.resolved {
        case .string(let text):
            if let reason = ValueSyntax.quantity(text) {
                report(.invalidQuantity(text: text, reason: reason), at: node.start, step: step, keys: nodes)
                return
            }
            negative = text.hasPrefix("-")
        case .int(let value):
            negative = value < 0
        case .float(let value):
            guard value.isFinite else {
                report(.invalidQuantity(text: scalar.text, reason: "it must be a finite number"), at: node.start, step: step, keys: nodes)
                return
            }
            negative = value < 0
        case .bool, .null:
            report(.wrongType(expected: "a quantity", found: node.typeDescription), at: node.start, step: step, keys: nodes)
            return
        }
        if negative, case .nonNegativeQuantities = check {
            report(.invalidQuantity(text: scalar.text, reason: "resource amounts must not be negative"), at: node.start, step: step, keys: nodes)
        }
    }

    private mutating func checkObject(_ check: ObjectCheck, node: Node, step: Int, keys nodes: NodeTable) {
        guard case .selectorRequirement(let nodeOperators) = check else { return }
        guard let operatorPair = node.pair("operator"), case .scalar(let scalar) = operatorPair.value.content,
              case .string(let op) = scalar.resolved else { return }
        var operators = ["In", "NotIn", "Exists", "DoesNotExist"]
        if nodeOperators { operators += ["Gt", "Lt"] }
        let values = node.pair("values")
        let items = values?.value.items ?? []
        guard operators.contains(op) else {
            let detail = "operator '\(op)' is not one of \(operators.joined(separator: ", "))"
                + NameSuggestion.hint(for: op, among: operators)
            report(.invalidSelector(detail), at: operatorPair.value.start, step: step, keys: nodes)
            return
        }
        switch op {
        case "In", "NotIn":
            if items.isEmpty {
                report(.invalidSelector("operator \(op) needs at least one value in 'values'"), at: operatorPair.value.start, step: step, keys: nodes)
            } else if !nodeOperators {
                for item in items {
                    guard let text = MappingReader.string(item), let reason = ValueSyntax.labelValue(text) else { continue }
                    report(.invalidLabel(text: text, reason: "is not a valid label value: \(reason)"), at: item.start, step: step, keys: nodes)
                }
            }
        case "Exists", "DoesNotExist":
            if !items.isEmpty, let values {
                report(.invalidSelector("operator \(op) takes no values; remove 'values'"), at: values.key.start, step: step, keys: nodes)
            }
        default:
            if items.count != 1 {
                report(.invalidSelector("operator \(op) needs exactly one value"), at: operatorPair.value.start, step: step, keys: nodes)
            } else if let text = MappingReader.string(items[0]), !ValueSyntax.isDecimalInteger(text) {
                report(.invalidSelector("operator \(op) needs an integer value, found '\(text)'"), at: items[0].start, step: step, keys: nodes)
            }
        }
    }
}

extension Optional where Wrapped == FieldCheck {
    fileprivate var isAnnotation: Bool {
        if case .annotationMap = self { return true }
        return false
    }
}
