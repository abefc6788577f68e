import KubeLintModel

/// What a run checked, not only what it found: the rules that ran and the subjects they ran on.
/// Reporters that list passing checks (JUnit: one test case per rule and resource) need it.
/// It costs one small value per file and per resource.
package struct LintCoverage: Sendable, Hashable {
    /// An object that every rule checking objects looked at.
    package struct CheckedResource: Sendable, Hashable {
        package var identity: ResourceIdentity
        /// Where the object starts.
        package var location: FileLocation

        package init(identity: ResourceIdentity, location: FileLocation) {
            self.identity = identity
            self.location = location
        }
    }

    /// Ids of the rules that ran, in registry order.
    package var ruleIDs: [String]
    /// Those of `ruleIDs` that check files rather than objects (input and YAML rules).
    package var fileRuleIDs: Set<String>
    /// The files read, in load order.
    package var files: [String]
    /// The objects decoded, in load order.
    package var resources: [CheckedResource]

    package init(ruleIDs: [String] = [], fileRuleIDs: Set<String> = [], files: [String] = [], resources: [CheckedResource] = []) {
        self.ruleIDs = ruleIDs
        self.fileRuleIDs = fileRuleIDs
        self.files = files
        self.resources = resources
    }

    /// The coverage of `rules` run over `tree`.
    package init(rules: [any Rule], tree: LoadedTree) {
        let descriptions = rules.map { type(of: $0).description }
        ruleIDs = descriptions.map(\.id)
        fileRuleIDs = Set(descriptions.filter(\.category.checksFiles).map(\.id))
        files = tree.files.map(\.path)
        resources = tree.resources.map { resource in
            CheckedResource(identity: resource.identity, location: FileLocation(file: resource.source.file, mark: resource.mark))
        }
    }
}

extension RuleCategory {
    /// Input, YAML and file rules look at files as written (their findings name no object),
    /// and so do the suppression rules (comments and annotations are written in files); the
    /// others look at decoded objects.
    package var checksFiles: Bool {
        switch self {
        case .input, .yaml, .files, .suppressions: true
        case .schema, .references, .workloads, .contracts, .admission, .practice, .security, .optional: false
        }
    }
}
