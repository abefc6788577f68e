import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// What the input that could not be read or parsed may define. Its objects are unknown, so a
/// reference that could resolve to one of them is not reported: the input finding (a tab, a
/// syntax error, an unreadable file) is the one mistake, it already fails the run (exit 2), and
/// once the file parses its objects are checked like any other. Reporting the references too
/// would send the reader to the files that are right.
///
/// What is unknown, per input finding:
/// - a file that parsed in part: the documents from the first one that did not parse to the end
///   of the file (libyaml stops there); the documents before it are objects like any other;
/// - a file that was not read at all (unreadable, too large, binary, a directory that could not
///   be listed), or a Helm template (what it renders to is unknown): anything.
///
/// Within the unparsed text, each document is scanned line by line for what identifies an
/// object (`apiVersion`, `kind`, and `name` and `namespace` under `metadata`), reading tabs as
/// indentation, so that a tab in one ConfigMap hides only the references to that ConfigMap.
/// What the scan cannot see is unknown and matches anything: a document without a readable
/// `kind` may be any object, one without a readable name any object of its kind, one without
/// `metadata` in any namespace.
package final class UnreadInputs: Fact {
    /// An object the unread input may define; nil fields are unknown and match anything.
    struct PossibleObject: Sendable, Hashable {
        var apiVersion: String?
        var kind: String?
        var namespace: String?
        var name: String?
        var file: String
    }

    let objects: [PossibleObject]

    package static func derive(from context: LintContext) -> UnreadInputs {
        UnreadInputs(tree: context.tree, defaultNamespace: context.configuration.defaultNamespace, clusterScopedKinds: context.index.clusterScopedKinds)
    }

    init(tree: LoadedTree, defaultNamespace: String, clusterScopedKinds: ClusterScopedKinds) {
        objects = Self.possibleObjects(tree: tree, defaultNamespace: defaultNamespace, clusterScopedKinds: clusterScopedKinds)
    }

    private static func possibleObjects(tree: LoadedTree, defaultNamespace: String, clusterScopedKinds: ClusterScopedKinds) -> [PossibleObject] {
        var objects: [PossibleObject] = []
        // A Helm template defines what it renders to, which only `helm template` knows: it may
        // define anything, and its `helm-template` finding is the one to act on.
        for file in tree.files {
            if case .helmTemplate = file.content { objects.append(PossibleObject(file: file.path)) }
        }
        guard !tree.diagnostics.isEmpty else { return objects }
        // Where the objects decoded from each partly parsed file start: one pass over the tree.
        let partlyParsed = Set(tree.diagnostics.lazy.filter { $0.kind == .syntax || $0.kind == .limit }.map(\.file))
        var lastObjectLine: [String: Int] = [:]
        if !partlyParsed.isEmpty {
            for resource in tree.resources where partlyParsed.contains(resource.source.file) {
                lastObjectLine[resource.source.file] = max(lastObjectLine[resource.source.file] ?? 0, resource.mark.line)
            }
        }
        for diagnostic in tree.diagnostics {
            switch diagnostic.kind {
            case .unreadable, .tooLarge, .binary:
                objects.append(PossibleObject(file: diagnostic.file))
            case .syntax, .limit:
                guard let file = tree.file(diagnostic.file), !file.bytes.isEmpty else {
                    objects.append(PossibleObject(file: diagnostic.file))
                    continue
                }
                let parsedUpTo = lastObjectLine[diagnostic.file] ?? 0
                objects += UnparsedDocuments.objects(in: file, after: parsedUpTo, defaultNamespace: defaultNamespace, clusterScopedKinds: clusterScopedKinds)
            case .notRegularFile, .empty:
                // Nothing a cluster would read: they define nothing.
                continue
            }
        }
        return objects
    }

    /// The file of an unread object that may be `kind` `name` in `namespace`.
    package func file(mayDefine kind: String, namespace: String, name: String) -> String? {
        objects.first { object in
            (object.kind == nil || object.kind == kind)
                && (object.namespace == nil || object.namespace == namespace)
                && (object.name == nil || object.name == name)
        }?.file
    }

    /// The file of an unread object that may run pods in `namespace`: one whose kind is unknown,
    /// a Pod or workload, or a custom kind (operators' kinds run pods too).
    package func file(mayRunPodsIn namespace: String) -> String? {
        objects.first { object in
            guard object.namespace == nil || object.namespace == namespace else { return false }
            guard let kind = object.kind else { return true }
            if Workload.Kind.podRunningKindNames.contains(kind) { return true }
            guard let apiVersion = object.apiVersion else { return true }
            return !Self.isBuiltInGroup(Resource.group(of: apiVersion))
        }?.file
    }

    /// The core group, the unqualified groups (`apps`, `batch`, ...) and `*.k8s.io`.
    private static func isBuiltInGroup(_ group: String) -> Bool {
        !group.contains(".") || group.hasSuffix(".k8s.io")
    }
}

/// The line scan of the documents libyaml did not parse (see `UnreadInputs`).
enum UnparsedDocuments {
    /// The objects the documents of `file` after line `parsedUpTo` may define. `parsedUpTo` is
    /// the start line of the last object decoded from the file (0: none): the unparsed documents
    /// begin at the first document marker after it.
    static func objects(in file: SourceFile, after parsedUpTo: Int, defaultNamespace: String, clusterScopedKinds: ClusterScopedKinds) -> [UnreadInputs.PossibleObject] {
        let lines = String(decoding: file.bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var documents: [[Substring]] = []
        var current: [Substring]?
        if parsedUpTo == 0 { current = [] }
        for (offset, line) in lines.enumerated() {
            if isDocumentMarker(line) {
                if let document = current { documents.append(document) }
                current = offset + 1 > parsedUpTo ? [] : nil
                continue
            }
            current?.append(line)
        }
        if let document = current { documents.append(document) }
        return documents.compactMap { scan($0, file: file.path, defaultNamespace: defaultNamespace, clusterScopedKinds: clusterScopedKinds) }
    }

    /// `---` or `...` at the start of a line, alone or followed by a blank.
    private static func isDocumentMarker(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") || line.hasPrefix("...") else { return false }
        return line.count == 3 || line.dropFirst(3).first.map { $0 == " " || $0 == "\t" } == true
    }

    /// What one unparsed document may define; nil when it holds nothing (blank lines, comments).
    private static func scan(_ lines: [Substring], file: String, defaultNamespace: String, clusterScopedKinds: ClusterScopedKinds) -> UnreadInputs.PossibleObject? {
        var object = UnreadInputs.PossibleObject(file: file)
        var hasContent = false
        var hasMetadata = false
        var inMetadata = false
        var nameIndent = Int.max
        var namespaceIndent = Int.max
        for line in lines {
            let body = line.drop { $0 == " " || $0 == "\t" }
            if body.isEmpty || body.hasPrefix("#") || line.hasPrefix("%") { continue }
            hasContent = true
            let indent = line.count - body.count
            if indent == 0 {
                inMetadata = false
                if let value = value(of: "kind", in: body) { object.kind = object.kind ?? value }
                if let value = value(of: "apiVersion", in: body) { object.apiVersion = object.apiVersion ?? value }
                if body.hasPrefix("metadata:") {
                    hasMetadata = true
                    inMetadata = true
                    // `metadata: {name: web, namespace: shop}`
                    for entry in body.dropFirst("metadata:".count).split(separator: ",") {
                        let text = entry.drop { $0 == " " || $0 == "{" }
                        if object.name == nil, let name = value(of: "name", in: text) { object.name = name }
                        if object.namespace == nil, let namespace = value(of: "namespace", in: text) { object.namespace = namespace }
                    }
                }
                continue
            }
            // Under `metadata`, the shallowest `name:` and `namespace:` are the object's (owner
            // references and managed fields have deeper ones); list items are never it.
            guard inMetadata, !body.hasPrefix("-") else { continue }
            if indent < nameIndent, let name = value(of: "name", in: body) {
                object.name = name
                nameIndent = indent
            }
            if indent < namespaceIndent, let namespace = value(of: "namespace", in: body) {
                object.namespace = namespace
                namespaceIndent = indent
            }
        }
        guard hasContent else { return nil }
        guard let kind = object.kind, !kind.hasSuffix("List") else {
            // Any object: the kind is unknown, or the items of a List are.
            return UnreadInputs.PossibleObject(file: file)
        }
        if clusterScopedKinds.contains(kind: kind) {
            object.namespace = ""
        } else if object.namespace == nil, hasMetadata {
            // Metadata without a namespace: the object lands in the default one.
            object.namespace = defaultNamespace
        }
        return object
    }

    /// The value of `key: value` at the start of `text`, without quotes and comment; nil when
    /// the text is another key, the value is empty, or it is a template (`{{ .Values.name }}`).
    private static func value(of key: String, in text: Substring) -> String? {
        guard text.hasPrefix(key + ":") else { return nil }
        var value = text.dropFirst(key.count + 1)
        if let comment = value.firstRange(of: " #") { value = value[..<comment.lowerBound] }
        value = value.drop { $0 == " " || $0 == "\t" }
        while let last = value.last, last == " " || last == "\t" || last == "}" { value = value.dropLast() }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = value.dropFirst().dropLast()
        }
        guard !value.isEmpty, !value.contains("{{") else { return nil }
        return String(value)
    }
}
