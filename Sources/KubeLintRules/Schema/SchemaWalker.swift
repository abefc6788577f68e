import KubeLintModel
import KubeLintYAML

/// Checks one object against the built-in schema: every key known, every value of its type,
/// required fields present, and the field rules of `FieldRules`.
///
/// The walk is iterative (an explicit stack), visits each node once, and builds a path string
/// only for a node it reports, so its cost is linear in the size of the object.
struct SchemaWalker {
    private struct Work {
        var node: Node
        var type: SchemaTable.FieldType
        var check: FieldCheck?
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

    /// Checks `node` (an object's root mapping) as an instance of the type at `typeIndex`.
    mutating func walkObject(_ node: Node, typeIndex: Int) {
        stack.append(Work(node: node, type: .object(typeIndex), check: nil, step: PathTrail.root))
        drain()
    }

    /// Checks only the object's `metadata`: all that is known of a kind without a schema.
    mutating func walkMetadata(of root: Node) {
        guard let metadata = root.pair("metadata"), !metadata.value.isNull, let objectMeta = table.objectMeta else { return }
        let step = trail.field("metadata", under: PathTrail.root)
        stack.append(Work(node: metadata.value, type: .object(objectMeta), check: nil, step: step))
        drain()
    }

    private mutating func drain() {
        while let work = stack.popLast() {
            visit(work)
        }
    }

    private mutating func report(_ kind: SchemaProblem.Kind, at mark: Mark, step: Int) {
        problems.append(SchemaProblem(kind: kind, path: trail.path(step), mark: mark))
    }

    private mutating func visit(_ work: Work) {
        let node = work.node
        switch work.type {
        case .any:
            return
        case .object(let index):
            guard node.kind == .mapping else {
                report(.wrongType(expected: "a mapping", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            visitObject(node, typeIndex: index, step: work.step)
        case .list(let itemType):
            guard node.kind == .sequence else {
                report(.wrongType(expected: "a list", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            // Pushed, then reversed, so that problems come out in source order.
            for position in (0..<node.childCount).reversed() {
                guard let item = node.item(at: position) else { continue }
                let step = trail.index(position, under: work.step)
                stack.append(Work(node: item, type: itemType, check: work.check, step: step))
            }
        case .map(let valueType):
            guard node.kind == .mapping else {
                report(.wrongType(expected: "a mapping", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            visitMap(node, valueType: valueType, check: work.check, step: work.step)
        case .string, .time, .bytes:
            // Without a check only the type matters, and most strings show it in their first byte.
            if work.check == nil && node.isEvidentlyString { return }
            guard let text = stringValue(node, step: work.step) else { return }
            checkString(text, node: node, check: work.check, step: work.step)
        case .integer:
            guard case .scalar(let scalar) = node.content, case .int(let value) = scalar.resolved else {
                report(.wrongType(expected: "an integer", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            checkInteger(value, node: node, check: work.check, step: work.step)
        case .number:
            guard case .scalar(let scalar) = node.content else {
                report(.wrongType(expected: "a number", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            switch scalar.resolved {
            case .int, .float: return
            default: report(.wrongType(expected: "a number", found: node.typeDescription), at: node.start, step: work.step)
            }
        case .boolean:
            guard case .scalar(let scalar) = node.content, case .bool = scalar.resolved else {
                report(.wrongType(expected: "a boolean", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
        case .intOrString:
            guard case .scalar(let scalar) = node.content else {
                report(.wrongType(expected: "an integer or a string", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            switch scalar.resolved {
            case .int(let value):
                checkInteger(value, node: node, check: work.check, step: work.step)
            case .string(let text):
                if case .port = work.check, var reason = ValueSyntax.ianaServiceName(text) {
                    if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                        reason += " (for a port number, write it without quotes)"
                    }
                    report(.invalidPortName(name: text, reason: reason), at: node.start, step: work.step)
                }
            default:
                report(.wrongType(expected: "an integer or a string", found: node.typeDescription), at: node.start, step: work.step)
            }
        case .quantity:
            checkQuantity(node, check: work.check, step: work.step)
        }
    }

    /// What a mapping key names in a type.
    private enum KeyLookup {
        /// A field, and the key's text (the field's name when the bytes matched).
        case field(SchemaTable.Field, text: String)
        case unknown(String)
        /// The key is not a scalar: nothing to check.
        case notText
    }

    private func lookUp(_ key: Node, in typeIndex: Int) -> KeyLookup {
        // ASCII keys are found by their bytes; only unknown keys need their text.
        guard let bytes = key.scalarUTF8 else { return .notText }
        if table.fieldIndex.isExact {
            let found: SchemaTable.Field?? = bytes.withUnsafeBufferPointer { bytes in
                guard Self.isASCII(bytes) else { return .none }
                return .some(table.fieldIndex.field(ofType: typeIndex, named: bytes))
            }
            if let found { return found.map { .field($0, text: $0.name) } ?? .unknown(String(decoding: bytes, as: UTF8.self)) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let field = table.types[typeIndex].fields[text] { return .field(field, text: text) }
        return .unknown(text)
    }

    private mutating func visitObject(_ node: Node, typeIndex: Int, step: Int) {
        if let objectCheck = table.types[typeIndex].objectCheck {
            checkObject(objectCheck, node: node, step: step)
        }
        // Pushed, then reversed, so that problems come out in source order.
        let first = stack.count
        var misspelt: Set<String> = []
        for position in 0..<node.childCount {
            guard let pair = node.pair(at: position) else { continue }
            let key = pair.key
            let field: SchemaTable.Field
            let text: String
            switch lookUp(key, in: typeIndex) {
            case .notText:
                continue
            case .unknown(let unknown):
                let suggestion = FieldSuggestion.closest(to: unknown, among: table.types[typeIndex].fields.keys)
                if let suggestion { misspelt.insert(suggestion) }
                report(.unknownField(field: unknown, suggestion: suggestion, missingIn: nil), at: key.start, step: step)
                continue
            case .field(let found, let keyText):
                field = found
                text = keyText
            }
            if isAbsentInTarget(field) {
                report(.unknownField(field: text, suggestion: nil, missingIn: target), at: key.start, step: step)
                continue
            }
            if pair.value.isNull { continue }
            let child = trail.field(text, under: step)
            stack.append(Work(node: pair.value, type: field.type, check: field.check, step: child))
        }
        reverseStack(from: first)
        // A required field written with a typo is one problem, reported as the unknown field.
        for name in table.types[typeIndex].requiredFields where !misspelt.contains(name) {
            guard let field = table.types[typeIndex].fields[name], !isAbsentInTarget(field) else { continue }
            let pair = node.pair(name)
            if pair == nil || pair?.value.isNull == true {
                report(.missingField(name), at: pair?.key.start ?? node.start, step: step)
            }
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

    private func isAbsentInTarget(_ field: SchemaTable.Field) -> Bool {
        guard let absent = field.absentThroughMinor else { return false }
        return target.major == 1 && target.minor <= absent
    }

    private mutating func visitMap(_ node: Node, valueType: SchemaTable.FieldType, check: FieldCheck?, step: Int) {
        var valueCheck: FieldCheck?
        switch check {
        case .labelMap: valueCheck = .labelMap
        case .nonNegativeQuantities: valueCheck = .nonNegativeQuantities
        default: valueCheck = nil
        }
        // Pushed, then reversed, so that problems come out in source order.
        let first = stack.count
        for position in 0..<node.childCount {
            guard let pair = node.pair(at: position), let text = MappingReader.keyText(pair.key) else { continue }
            let key = pair.key
            let child = trail.field(text, under: step)
            switch check {
            case .labelMap, .annotationMap:
                if let reason = ValueSyntax.qualifiedName(text) {
                    report(.invalidLabel(text: text, reason: "is not a valid \(check.isAnnotation ? "annotation" : "label") key: \(reason)"), at: key.start, step: step)
                }
            case .configKeys:
                if let reason = ValueSyntax.configKey(text) {
                    report(.invalidName(value: text, reason: "a data key \(reason)"), at: key.start, step: step)
                }
            default:
                break
            }
            stack.append(Work(node: pair.value, type: valueType, check: valueCheck, step: child))
        }
        reverseStack(from: first)
    }

    /// The text of a string value; reports non-strings (null included: inside lists and maps,
    /// where a null is not "absent").
    private mutating func stringValue(_ node: Node, step: Int) -> String? {
        guard case .scalar(let scalar) = node.content else {
            report(.wrongType(expected: "a string", found: node.typeDescription), at: node.start, step: step)
            return nil
        }
        let resolved = scalar.resolved
        if case .string(let text) = resolved { return text }
        report(.stringExpected(found: resolved, text: scalar.text), at: node.start, step: step)
        return nil
    }

    private mutating func checkString(_ text: String, node: Node, check: FieldCheck?, step: Int) {
        switch check {
        case .oneOf(let allowed):
            if !allowed.contains(text) {
                report(.invalidEnum(value: text, allowed: allowed), at: node.start, step: step)
            }
        case .portName:
            if let reason = ValueSyntax.ianaServiceName(text) {
                report(.invalidPortName(name: text, reason: reason + " (IANA service name)"), at: node.start, step: step)
            }
        case .servicePortName:
            if let reason = ValueSyntax.dnsLabel(text) {
                report(.invalidPortName(name: text, reason: reason), at: node.start, step: step)
            }
        case .dnsLabel:
            if let reason = ValueSyntax.dnsLabel(text) {
                report(.invalidName(value: text, reason: reason), at: node.start, step: step)
            }
        case .labelKey:
            if let reason = ValueSyntax.qualifiedName(text) {
                report(.invalidLabel(text: text, reason: "is not a valid label key: \(reason)"), at: node.start, step: step)
            }
        case .labelMap:
            if let reason = ValueSyntax.labelValue(text) {
                report(.invalidLabel(text: text, reason: "is not a valid label value: \(reason)"), at: node.start, step: step)
            }
        default:
            break
        }
    }

    private mutating func checkInteger(_ value: Int64, node: Node, check: FieldCheck?, step: Int) {
        guard case .port(let allowsZero) = check else { return }
        if value == 0 && allowsZero { return }
        if value < 1 || value > 65535 {
            report(.invalidPort(value), at: node.start, step: step)
        }
    }

    private mutating func checkQuantity(_ node: Node, check: FieldCheck?, step: Int) {
        guard case .scalar(let scalar) = node.content else {
            report(.wrongType(expected: "a quantity", found: node.typeDescription), at: node.start, step: step)
            return
        }
        let negative: Bool
        switch scalar.resolved {
        case .string(let text):
            if let reason = ValueSyntax.quantity(text) {
                report(.invalidQuantity(text: text, reason: reason), at: node.start, step: step)
                return
            }
            negative = text.hasPrefix("-")
        case .int(let value):
            negative = value < 0
        case .float(let value):
            guard value.isFinite else {
                report(.invalidQuantity(text: scalar.text, reason: "it must be a finite number"), at: node.start, step: step)
                return
            }
            negative = value < 0
        case .bool, .null:
            report(.wrongType(expected: "a quantity", found: node.typeDescription), at: node.start, step: step)
            return
        }
        if negative, case .nonNegativeQuantities = check {
            report(.invalidQuantity(text: scalar.text, reason: "resource amounts must not be negative"), at: node.start, step: step)
        }
    }

    private mutating func checkObject(_ check: ObjectCheck, node: Node, step: Int) {
        guard case .selectorRequirement(let nodeOperators) = check else { return }
        guard let operatorPair = node.pair("operator"), case .scalar(let scalar) = operatorPair.value.content,
              case .string(let op) = scalar.resolved else { return }
        var operators = ["In", "NotIn", "Exists", "DoesNotExist"]
        if nodeOperators { operators += ["Gt", "Lt"] }
        let values = node.pair("values")
        let items = values?.value.items ?? []
        guard operators.contains(op) else {
            var detail = "operator '\(op)' is not one of \(operators.joined(separator: ", "))"
            if let match = operators.first(where: { $0.lowercased() == op.lowercased() }) {
                detail += "; did you mean '\(match)'?"
            }
            report(.invalidSelector(detail), at: operatorPair.value.start, step: step)
            return
        }
        switch op {
        case "In", "NotIn":
            if items.isEmpty {
                report(.invalidSelector("operator \(op) needs at least one value in 'values'"), at: operatorPair.value.start, step: step)
            } else if !nodeOperators {
                for item in items {
                    guard let text = MappingReader.string(item), let reason = ValueSyntax.labelValue(text) else { continue }
                    report(.invalidLabel(text: text, reason: "is not a valid label value: \(reason)"), at: item.start, step: step)
                }
            }
        case "Exists", "DoesNotExist":
            if !items.isEmpty, let values {
                report(.invalidSelector("operator \(op) takes no values; remove 'values'"), at: values.key.start, step: step)
            }
        default:
            if items.count != 1 {
                report(.invalidSelector("operator \(op) needs exactly one value"), at: operatorPair.value.start, step: step)
            } else if let text = MappingReader.string(items[0]), !ValueSyntax.isDecimalInteger(text) {
                report(.invalidSelector("operator \(op) needs an integer value, found '\(text)'"), at: items[0].start, step: step)
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
