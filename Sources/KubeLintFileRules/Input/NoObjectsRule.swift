import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct NoObjectsRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [SchemaReport.self]

    package static let description = RuleDescription(
        id: "no-objects",
        severity: .error,
        category: .input,
        summary: "The run found no Kubernetes object at all",
        rationale: """
            A lint step that checks nothing passes. A mistyped path, a tree that holds only \
            kustomization.yaml, Helm values or templates, empty files, or a rendering step that \
            produced no manifests would otherwise go green in CI. Like `kubectl apply -f` ("no \
            objects passed to apply"), kubelint minds empty files only when nothing else holds \
            an object. Paths that do not exist and directories without manifest files are \
            reported by `file-unreadable`; this rule speaks only when nothing else explains why \
            no object was checked, and says what the files read hold instead.
            """,
        remediation: "Point kubelint at the directory or files that hold the manifests, or at the rendered output of Helm or Kustomize (`helm template CHART | kubelint -`).",
        triggeringExamples: [
            Example("""
                ↓apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - deployment.yaml
                """),
            Example("↓# nothing here yet\n---\n"),
            Example("""
                ↓apiVersion: v1
                kind: List
                items: []
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: staging
                """),
            // An empty file beside objects is passed over, as kubectl passes over it.
            Example("", otherFiles: ["namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n"]),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        guard context.tree.diagnostics.isEmpty else { return [] }
        let hasObjects = context.tree.resources.contains { Self.isObject($0, context: context) }
        guard !hasObjects else { return [] }
        var resourcesByFile: [String: [Resource]] = [:]
        for resource in context.tree.resources { resourcesByFile[resource.source.file, default: []].append(resource) }
        return context.inputs.map { input in
            let path = input == "-" ? Loader.standardInputName : input
            let files = context.tree.files.filter { Self.file($0.path, isUnder: path) }
            let kinds = files.map { FileKind($0, resources: resourcesByFile[$0.path] ?? [], context: context) }
            return finding("no Kubernetes objects in \(path)\(Self.contents(of: zip(files, kinds).map { ($0.path, $1) }))", file: path, at: .start)
        }
    }

    private static func isObject(_ resource: Resource, context: LintContext) -> Bool {
        switch context[SchemaReport.self].classification(of: resource) {
        case .notAnObject, .toolConfiguration: false
        default: true
        }
    }

    /// Whether a file read lies under a path given on the command line (or is that path).
    private static func file(_ file: String, isUnder input: String) -> Bool {
        file == input || file.hasPrefix(input.hasSuffix("/") ? input : input + "/")
    }

    /// What the files read under one path hold instead of objects: ` (an empty List)` for one
    /// file, ` (3 files read: 2 Helm templates, 1 not a manifest)` for several; then the
    /// command that would give kubelint objects, for a chart or a kustomization.
    private static func contents(of files: [(path: String, kind: FileKind)]) -> String {
        guard !files.isEmpty else { return "" }
        var message: String
        if files.count == 1 {
            message = " (\(files[0].kind.describeOne))"
        } else {
            var counts: [FileKind: Int] = [:]
            for file in files { counts[file.kind, default: 0] += 1 }
            let parts = FileKind.allCases.compactMap { kind in counts[kind].map { kind.describe(count: $0) } }
            message = " (\(files.count) files read: \(parts.joined(separator: ", ")))"
        }
        if let chartFile = files.first(where: { $0.kind == .helmTemplate || $0.kind == .chartMetadata }) {
            message += "; lint what the chart renders: \(HelmChartCommand.render(file: chartFile.path))"
        } else if let kustomization = files.first(where: { $0.kind == .kustomization }) {
            let directory = kustomization.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            message += "; lint what kustomize builds: kustomize build \(directory.isEmpty ? "." : directory) | kubelint -"
        }
        return message
    }

    /// What a file holds when it holds no object, in the order the message lists them.
    private enum FileKind: CaseIterable {
        case helmTemplate, chartMetadata, notManifest, kustomization, toolConfiguration, incompleteObjects, emptyLists, empty

        init(_ file: SourceFile, resources: [Resource], context: LintContext) {
            switch file.content {
            case .helmTemplate: self = .helmTemplate
            case .notManifest(let notManifest): self = notManifest.reason == .chartMetadata ? .chartMetadata : .notManifest
            case .emptyLists: self = .emptyLists
            case .empty: self = .empty
            case .manifests:
                if resources.isEmpty {
                    self = .empty
                } else if resources.allSatisfy(\.isKustomization) {
                    self = .kustomization
                } else if resources.allSatisfy({ context[SchemaReport.self].classification(of: $0) == .toolConfiguration }) {
                    self = .toolConfiguration
                } else {
                    self = .incompleteObjects
                }
            }
        }

        /// The file's content, when it is the only file read.
        var describeOne: String {
            switch self {
            case .helmTemplate: "a Helm template"
            case .chartMetadata: "Helm chart metadata"
            case .notManifest: "not a manifest"
            case .kustomization: "a kustomization"
            case .toolConfiguration: "a tool's configuration"
            case .incompleteObjects: "objects lacking apiVersion or kind"
            case .emptyLists: "an empty List"
            case .empty: "empty or only comments"
            }
        }

        func describe(count: Int) -> String {
            let one = count == 1
            return switch self {
            case .helmTemplate: one ? "1 Helm template" : "\(count) Helm templates"
            case .chartMetadata: one ? "1 Helm Chart.yaml" : "\(count) Helm Chart.yaml files"
            case .notManifest: one ? "1 not a manifest" : "\(count) not manifests"
            case .kustomization: one ? "1 kustomization" : "\(count) kustomizations"
            case .toolConfiguration: one ? "1 tool configuration" : "\(count) tool configurations"
            case .incompleteObjects: one ? "1 with objects lacking apiVersion or kind" : "\(count) with objects lacking apiVersion or kind"
            case .emptyLists: one ? "1 empty List" : "\(count) empty Lists"
            case .empty: one ? "1 empty or only comments" : "\(count) empty or only comments"
            }
        }
    }
}
