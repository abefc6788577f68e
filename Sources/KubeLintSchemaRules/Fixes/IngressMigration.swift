import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// An Ingress moving from extensions/v1beta1 or networking.k8s.io/v1beta1 to
/// networking.k8s.io/v1, as the API server converts it: `spec.backend` becomes
/// `spec.defaultBackend`, each backend's `serviceName` / `servicePort` become `service.name` /
/// `service.port.number` (`.name` for a named port), and a path without `pathType` gets
/// `ImplementationSpecific`, the type v1beta1 gave it.
enum IngressMigration {
    static let changes: APIMigrationFix.FieldChanges = { editor, tree, object throws(EditRefusal) in
        guard let spec = tree.value(object, "spec"), tree[spec].kind == .mapping else { return [] }
        var details: [String] = []
        var backends = 0
        if let index = tree.pairs(spec).lastIndex(where: { tree.text($0.key) == "backend" }) {
            guard tree.value(spec, "defaultBackend") == nil else { throw EditRefusal("spec has both backend and defaultBackend") }
            if try rewriteBackend(tree.pairs(spec)[index].value, editor: &editor, tree: tree) { backends += 1 }
            try editor.renameKey(spec, pair: index, to: "defaultBackend")
            details.append("spec.backend → spec.defaultBackend")
        }
        var typedPaths = 0
        for rule in tree.value(spec, "rules").map(tree.items) ?? [] {
            guard let paths = tree.value(rule, path: ["http", "paths"]) else { continue }
            for path in tree.items(paths) {
                guard tree[path].kind == .mapping else { throw EditRefusal("a path at line \(tree[path].start.line) is not a mapping") }
                if let backend = tree.value(path, "backend"), try rewriteBackend(backend, editor: &editor, tree: tree) {
                    backends += 1
                }
                if tree.value(path, "pathType") == nil {
                    try editor.insert([NewEntry("pathType", .plain("ImplementationSpecific"))], into: path, before: "backend")
                    typedPaths += 1
                }
            }
        }
        if backends > 0 {
            details.append("serviceName/servicePort → service.name/service.port on \(backends) backend\(backends == 1 ? "" : "s")")
        }
        if typedPaths > 0 {
            details.append("pathType: ImplementationSpecific on \(typedPaths) path\(typedPaths == 1 ? "" : "s")")
        }
        return details
    }

    /// Rewrites one backend; false when it names no Service (a `resource` backend).
    private static func rewriteBackend(_ backend: SyntaxNode.ID, editor: inout DocumentEditor, tree: SyntaxTree) throws(EditRefusal) -> Bool {
        let line = tree[backend].start.line
        if tree[backend].kind == .alias {
            throw EditRefusal("the backend at line \(line) is an alias (*\(tree.text(backend))); rewrite the anchored backend by hand")
        }
        guard tree[backend].kind == .mapping else { throw EditRefusal("the backend at line \(line) is not a mapping") }
        let pairs = tree.pairs(backend)
        let name = pairs.lastIndex { tree.text($0.key) == "serviceName" }
        let port = pairs.lastIndex { tree.text($0.key) == "servicePort" }
        switch (name, port) {
        case (nil, nil):
            return false
        case (let name?, let port?):
            let portKey = try portField(pairs[port].value, tree: tree)
            let items: [DocumentEditor.RunItem] = [
                .original(pair: name, path: ["service", "name"]),
                .original(pair: port, path: ["service", "port", portKey]),
            ].sorted { lhs, rhs in
                if case .original(let left, _) = lhs, case .original(let right, _) = rhs { return left < right }
                return false
            }
            try editor.rewrite(backend, items: items)
            return true
        default:
            throw EditRefusal("the backend at line \(line) needs both serviceName and servicePort")
        }
    }

    /// `number` for a port written as a number, `name` for one written as text.
    private static func portField(_ value: SyntaxNode.ID, tree: SyntaxTree) throws(EditRefusal) -> String {
        let node = tree[value]
        guard node.kind == .scalar else { throw EditRefusal("servicePort at line \(node.start.line) is not a single value") }
        switch Scalar(node.text, style: node.style, tag: node.tag).resolved {
        case .int: return "number"
        case .string: return "name"
        default: throw EditRefusal("servicePort at line \(node.start.line) is neither a number nor a name")
        }
    }
}
