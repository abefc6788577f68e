import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// The schema check of every resource of a run, done once and shared by the rules that report
/// its parts (unknown fields, types, enums, names, custom resources, ...).
package final class SchemaReport: Fact {
    /// What kubelint knows about a resource's kind.
    package enum Classification: Sendable, Hashable {
        /// A built-in kind with a schema at this apiVersion.
        case builtIn
        /// A built-in kind kubelint knows by its apiVersion history but has no field table for.
        case builtInWithoutSchema
        /// A custom resource described by a CustomResourceDefinition in the tree.
        case customResource(definition: String)
        /// A kind of a group no built-in API and no CustomResourceDefinition in the tree serves.
        case customWithoutDefinition
        /// A kind a built-in API group does not serve at this apiVersion; `suggestion` is a known
        /// kind of the group close to it, `servedVersions` the apiVersions that serve this kind.
        case unknownKind(suggestion: String?, servedVersions: [String])
        /// No usable apiVersion and kind (reported as missing fields).
        case notAnObject
        /// A configuration file for a client or component (Kustomization, KubeletConfiguration,
        /// an audit Policy; `ToolConfiguration`), not an object of the API: not checked. Files
        /// holding nothing else are not manifests and never become resources; this is a
        /// kustomization, or such a document beside objects.
        case toolConfiguration
    }

    package static func derive(from context: LintContext) -> SchemaReport {
        SchemaReport(index: context.index, target: context.configuration.kubernetesVersion, parallel: context.parallel)
    }

    private let problemsBySource: [SourceReference: [SchemaProblem]]
    private let classificationBySource: [SourceReference: Classification]

    /// `parallel`: check the resources on every core; the report is the same.
    package init(index: ResourceIndex, target: KubernetesVersion, parallel: Bool = false) {
        let table = SchemaTable.shared
        let definitions = CustomResourceDefinitions(index)
        let resources = index.resources
        let ranges = ParallelMap.ranges(of: resources.count, size: Linter.resourcesPerPiece)
        let checked = ParallelMap.map(count: ranges.count, parallel: parallel) { piece in
            // One walker for the piece: its stacks are kept from one resource to the next.
            var walker = SchemaWalker(table: table, target: target, pathPrefix: "")
            return ranges[piece].map { position in
                Self.check(resources[position], table: table, definitions: definitions, walker: &walker)
            }
        }
        var classificationBySource: [SourceReference: Classification] = [:]
        var problemsBySource: [SourceReference: [SchemaProblem]] = [:]
        classificationBySource.reserveCapacity(resources.count)
        for (resource, (classification, problems)) in zip(resources, checked.joined()) {
            classificationBySource[resource.source] = classification
            // A source given twice (the same file named twice) keeps its last check, as each
            // check overwrote the one before.
            problemsBySource[resource.source] = problems.isEmpty ? nil : problems
        }
        self.classificationBySource = classificationBySource
        self.problemsBySource = problemsBySource
    }

    private static func check(
        _ resource: Resource, table: SchemaTable, definitions: CustomResourceDefinitions, walker: inout SchemaWalker
    ) -> (Classification, [SchemaProblem]) {
        let classification = Self.classify(resource, table: table, definitions: definitions)
        var problems: [SchemaProblem] = []
        walker.reset(pathPrefix: resource.path)
        if case .builtIn = classification, let apiVersion = resource.apiVersion?.value, let kind = resource.kind?.value,
           let typeIndex = table.root(apiVersion: apiVersion, kind: kind) {
            walker.walkObject(resource.root, typeIndex: typeIndex)
        } else if classification == .notAnObject || classification == .toolConfiguration {
            // Nothing to walk: the decoder reports what is missing; tool files are not objects.
        } else {
            walker.walkMetadata(of: resource.root)
        }
        problems += walker.problems
        // `apiVersion: ""` decodes, but is as missing to the API server as no apiVersion.
        for (name, field) in [("apiVersion", resource.apiVersion), ("kind", resource.kind)] {
            guard let field, field.value.isEmpty else { continue }
            problems.append(SchemaProblem(kind: .emptyField(name), path: resource.path, mark: field.mark))
        }
        if case .customResource = classification {
            problems += Self.checkCustomResource(resource, definitions: definitions)
        }
        return (classification, problems)
    }

    package func problems(for resource: Resource) -> [SchemaProblem] {
        // Most trees have no problem at all: no need to hash the source then.
        guard !problemsBySource.isEmpty else { return [] }
        return problemsBySource[resource.source] ?? []
    }

    package func classification(of resource: Resource) -> Classification {
        classificationBySource[resource.source] ?? .notAnObject
    }

    private static func classify(_ resource: Resource, table: SchemaTable, definitions: CustomResourceDefinitions) -> Classification {
        if resource.isKustomization, case .mapping = resource.root.content { return .toolConfiguration }
        guard case .mapping = resource.root.content,
              let apiVersion = resource.apiVersion?.value, let kind = resource.kind?.value,
              !apiVersion.isEmpty, !kind.isEmpty else { return .notAnObject }
        if table.root(apiVersion: apiVersion, kind: kind) != nil { return .builtIn }
        let group = SchemaTable.group(of: apiVersion)
        if let definition = definitions.definition(group: group, kind: kind) {
            return .customResource(definition: definition.name)
        }
        if APIVersionTable.shared.entry(apiVersion: apiVersion, kind: kind) != nil { return .builtInWithoutSchema }
        if ToolConfiguration.contains(apiVersion: apiVersion, kind: kind) { return .toolConfiguration }
        guard table.builtInGroups.contains(group) else { return .customWithoutDefinition }
        // A built-in kind under the wrong apiVersion (`v1` Deployment), or a misspelt kind.
        let served = table.roots.keys.filter { $0.kind == kind }.map(\.apiVersion).sorted()
        if !served.isEmpty { return .unknownKind(suggestion: nil, servedVersions: served) }
        let kinds = table.kindsByGroup[group] ?? []
        return .unknownKind(suggestion: NameSuggestion.closest(to: kind, among: kinds.sorted()), servedVersions: [])
    }

    private static func checkCustomResource(_ resource: Resource, definitions: CustomResourceDefinitions) -> [SchemaProblem] {
        guard let apiVersion = resource.apiVersion, let kind = resource.kind?.value,
              let definition = definitions.definition(group: SchemaTable.group(of: apiVersion.value), kind: kind) else { return [] }
        let origin = SchemaProblem.Origin.customResource(definition: definition.name, mark: definition.mark, file: definition.file)
        let version = apiVersion.value.split(separator: "/").last.map(String.init) ?? apiVersion.value
        guard let served = definition.versions[version], served.served else {
            return [SchemaProblem(
                kind: .unservedVersion(version: version, served: definition.servedVersions),
                path: resource.path.isEmpty ? "apiVersion" : resource.path + ".apiVersion",
                mark: apiVersion.mark, origin: origin
            )]
        }
        guard let schema = served.schema else { return [] }
        var walker = CustomResourceWalker(definitions: definitions, definition: definition, pathPrefix: resource.path)
        walker.walk(resource.root, schema: schema)
        return walker.problems
    }
}
