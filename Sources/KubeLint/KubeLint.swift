import KubeLintDriver
import KubeLintEngine
import KubeLintModel

/// kubelint as a library: lint manifests held in memory or read from paths, with a
/// configuration, and get the findings back or hand each to a consumer. The same rules, the
/// same checks and the same messages as the `kubelint` command.
///
///     let linter = KubeLinter(configuration: Configuration(kubernetesVersion: "1.29"))
///     for finding in linter.lint(files: [ManifestFile(name: "web.yaml", contents: yaml)]) {
///         print("\(finding.file):\(finding.line):\(finding.column) \(finding.ruleID): \(finding.message)")
///     }
public struct KubeLinter: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The findings of manifests held in memory, as one tree (references between them resolve),
    /// in report order: by file, then position.
    public func lint(files: [ManifestFile]) -> [Finding] {
        let tree = Loader.load(files.map { .bytes(name: $0.name, Array($0.contents.utf8)) })
        return Linter(configuration: configuration.engineConfiguration).lint(tree).findings.map(Finding.init)
    }

    /// The findings of the manifests under `paths` (files or directories, as the command takes
    /// them), with `configuration` (or the file it names) applied.
    public func lint(paths: [String]) -> [Finding] {
        var request = LintRequest(paths: paths, configuration: configuration.engineConfiguration)
        if let file = configuration.file { request.configurationSource = .file(file) }
        if let version = configuration.engineVersion { request.kubernetesVersion = version }
        if let profile = configuration.profile { request.profile = profile.value }
        return LintSession.lint(request).result.findings.map(Finding.init)
    }

    /// Hands each finding of manifests held in memory to `consumer`, in report order.
    public func lint(files: [ManifestFile], each consumer: (Finding) -> Void) {
        lint(files: files).forEach(consumer)
    }

    /// Hands each finding of the manifests under `paths` to `consumer`, in report order.
    public func lint(paths: [String], each consumer: (Finding) -> Void) {
        lint(paths: paths).forEach(consumer)
    }
}

/// A manifest held in memory: its name (as findings name it) and its YAML text.
public struct ManifestFile: Sendable, Hashable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// How a run judges: the Kubernetes release, the rule profile, rules switched on or off, or a
/// `.kubelint.yaml` (README, Configuration) given as text or as a file.
public struct Configuration: Sendable {
    /// The release the manifests are meant for, as `1.29`; kubelint's default (or the
    /// configuration text's) when nil or not a release.
    public var kubernetesVersion: String?
    public var profile: Profile?
    public var disabledRules: Set<String>
    public var enabledRules: Set<String>
    /// A `.kubelint.yaml` to read when linting paths (its contracts and `paths` included).
    public var file: String?
    private var base = LintConfiguration()

    public init(
        kubernetesVersion: String? = nil, profile: Profile? = nil,
        disabledRules: Set<String> = [], enabledRules: Set<String> = [], file: String? = nil
    ) {
        self.profile = profile
        self.disabledRules = disabledRules
        self.enabledRules = enabledRules
        self.file = file
        self.kubernetesVersion = kubernetesVersion
    }

    /// The configuration a `.kubelint.yaml` text describes. What is wrong with it is reported
    /// as `config-invalid` findings, as the command reports it.
    public init(yaml: String) {
        self.init()
        base = ConfigurationParser.parse(yaml, file: ".kubelint.yaml").configuration
    }

    var engineConfiguration: LintConfiguration {
        var configuration = base
        if let version = engineVersion { configuration.kubernetesVersion = version }
        if let profile { configuration.profile = profile.value }
        configuration.disabledRules.formUnion(disabledRules)
        configuration.enabledRules.formUnion(enabledRules)
        return configuration
    }

    var engineVersion: KubernetesVersion? { kubernetesVersion.flatMap(KubernetesVersion.init(parsing:)) }
}

/// A set of rules to run (README, Profiles): `default`, `recommended`, `security`, `all`.
public struct Profile: Sendable, Hashable, CustomStringConvertible {
    let value: RuleProfile

    public static let `default` = Profile(RuleProfile.default)
    public static let recommended = Profile(RuleProfile.recommended)
    public static let security = Profile(RuleProfile.security)
    public static let all = Profile(RuleProfile.all)

    private init(_ value: RuleProfile) {
        self.value = value
    }

    /// The profile of that name; nil for a name kubelint does not know.
    public init?(name: String) {
        guard let value = RuleProfile(rawValue: name) else { return nil }
        self.value = value
    }

    public var description: String { value.rawValue }
}

/// One problem kubelint found, where it points and what to do.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case info, warning, error
    }

    /// Another place that explains the finding (the first of two duplicate keys, a contract line).
    public struct Note: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    public var notes: [Note]
    /// How to fix it, when the finding says more than its rule's remediation.
    public var remediation: String?

    init(_ finding: KubeLintEngine.Finding) {
        ruleID = finding.ruleID
        severity = Severity(rawValue: finding.severity.rawValue) ?? .error
        message = finding.message
        file = finding.location.file
        line = finding.location.line
        column = finding.location.column
        notes = finding.related.map { Note(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message) }
        remediation = finding.remediation
    }
}
