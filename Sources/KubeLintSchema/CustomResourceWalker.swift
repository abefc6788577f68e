import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// Checks a custom resource against its CustomResourceDefinition's `openAPIV3Schema`: types,
/// required fields, enums, and unknown fields (unless the schema preserves them). Iterative and
/// linear, like `SchemaWalker`; `metadata` is left to the built-in walk.
struct CustomResourceWalker {
    private struct Work {
        var node: Node
        var schema: Int
        var step: Int
    }

    let definitions: CustomResourceDefinitions
    let origin: SchemaProblem.Origin
    private let preservesUnknownFields: Bool
    private(set) var problems: [SchemaProblem] = []
    private var trail: PathTrail
    private var stack: [Work] = []

    init(definitions: CustomResourceDefinitions, definition: CustomResourceDefinitions.Definition, pathPrefix: String) {
        self.definitions = definitions
        origin = .customResource(definition: definition.name, mark: definition.mark, file: definition.file)
        preservesUnknownFields = definition.preservesUnknownFields
        trail = PathTrail(prefix: pathPrefix)
    }

    mutating func walk(_ root: Node, schema: Int) {
        stack.append(Work(node: root, schema: schema, step: PathTrail.root))
        while let work = stack.popLast() {
            visit(work, isRoot: work.step == PathTrail.root)
        }
    }

    private mutating func report(_ kind: SchemaProblem.Kind, at mark: Mark, step: Int) {
        problems.append(SchemaProblem(kind: kind, path: trail.path(step), mark: mark, origin: origin))
    }

    private mutating func visit(_ work: Work, isRoot: Bool) {
        let schema = definitions.nodes[work.schema]
        let node = work.node
        let problemsBefore = problems.count
        defer {
            // A value of the wrong type is reported once, not again as outside the enum.
            if problems.count == problemsBefore, let allowed = schema.enumValues,
               case .scalar(let scalar) = node.content, !allowed.contains(scalar.resolved) {
                report(.invalidEnum(value: scalar.text, allowed: allowed.map(Self.describe)), at: node.start, step: work.step)
            }
        }
        if schema.intOrString {
            if case .scalar(let scalar) = node.content {
                switch scalar.resolved {
                case .int, .string: return
                default: break
                }
            }
            report(.wrongType(expected: "an integer or a string", found: node.typeDescription), at: node.start, step: work.step)
            return
        }
        switch schema.type {
        case "object":
            visitObject(node, schema: schema, step: work.step, isRoot: isRoot)
        case "array":
            guard case .sequence(let items) = node.content else {
                report(.wrongType(expected: "a list", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            guard let itemSchema = schema.items else { return }
            for (position, item) in items.enumerated().reversed() where !item.isNull {
                stack.append(Work(node: item, schema: itemSchema, step: trail.index(position, under: work.step)))
            }
        case "string":
            guard case .scalar(let scalar) = node.content else {
                report(.wrongType(expected: "a string", found: node.typeDescription), at: node.start, step: work.step)
                return
            }
            let resolved = scalar.resolved
            if case .string = resolved { return }
            report(.stringExpected(found: resolved, text: scalar.text), at: node.start, step: work.step)
        case "integer":
            if case .scalar(let scalar) = node.content, case .int = scalar.resolved { return }
            report(.wrongType(expected: "an integer", found: node.typeDescription), at: node.start, step: work.step)
        case "number":
            if case .scalar(let scalar) = node.content {
                switch scalar.resolved {
                case .int, .float: return
                default: break
                }
            }
            report(.wrongType(expected: "a number", found: node.typeDescription), at: node.start, step: work.step)
        case "boolean":
            if case .scalar(let scalar) = node.content, case .bool = scalar.resolved { return }
            report(.wrongType(expected: "a boolean", found: node.typeDescription), at: node.start, step: work.step)
        default:
            // No type: the schema may still list properties (structural schemas nest them here).
            if !schema.properties.isEmpty, case .mapping = node.content {
                visitObject(node, schema: schema, step: work.step, isRoot: isRoot)
            }
        }
    }

    private mutating func visitObject(_ node: Node, schema: CustomResourceDefinitions.SchemaNode, step: Int, isRoot: Bool) {
        guard case .mapping(let pairs) = node.content else {
            report(.wrongType(expected: "a mapping", found: node.typeDescription), at: node.start, step: step)
            return
        }
        var children: [Work] = []
        var misspelt: Set<String> = []
        for pair in pairs {
            guard let key = MappingReader.keyText(pair.key) else { continue }
            // Every object carries these; `metadata` is checked as ObjectMeta by the built-in walk.
            if (isRoot || schema.embeddedResource) && (key == "apiVersion" || key == "kind" || key == "metadata") { continue }
            if pair.value.isNull { continue }
            if let property = schema.properties[key] {
                children.append(Work(node: pair.value, schema: property, step: trail.field(key, under: step)))
            } else if case .schema(let additional) = schema.additionalProperties {
                children.append(Work(node: pair.value, schema: additional, step: trail.field(key, under: step)))
            } else if !schema.acceptsUnknownKeys && !preservesUnknownFields {
                let suggestion = NameSuggestion.closest(to: key, among: schema.properties.keys)
                if let suggestion { misspelt.insert(suggestion) }
                report(.unknownField(field: key, suggestion: suggestion, missingIn: nil, belongsUnder: []), at: pair.key.start, step: step)
            }
        }
        stack.append(contentsOf: children.reversed())
        // A required field written with a typo is one problem, reported as the unknown field.
        for name in schema.required where !misspelt.contains(name) {
            let pair = node.pair(name)
            if pair == nil || pair?.value.isNull == true {
                report(.missingField(name), at: pair?.key.start ?? node.start, step: step)
            }
        }
    }

    private static func describe(_ value: ResolvedScalar) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .float(let number): String(number)
        case .string(let text): text
        }
    }
}
