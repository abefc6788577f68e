import KubeLintModel
import KubeLintYAML

/// What a configuration file says: the configuration itself (with any problems found in it)
/// and which files to read.
package struct ParsedConfiguration: Sendable {
    package var configuration: LintConfiguration
    /// Which files to read (`paths`, `exclude`, `maxFileSize`), for the driver.
    package var loading: LoadSettings

    package init(configuration: LintConfiguration = LintConfiguration(), loading: LoadSettings = LoadSettings()) {
        self.configuration = configuration
        self.loading = loading
    }
}

/// One top-level key of `.kubelint.yaml` that the engine reads, and how. A new setting of the
/// engine is one more entry in `ConfigurationParser.keys`; a module's own setting is a
/// `ConfigurationSection`.
struct ConfigurationKey: Sendable {
    var name: String
    var read: @Sendable (ConfigurationParser) -> (Pair, inout SchemaReader, inout ParsedConfiguration) -> Void
}

/// Reads `.kubelint.yaml`. Unknown keys, wrong types and unknown rule ids are problems with
/// positions; what is valid is still applied, so one typo does not switch everything off. Rule
/// ids are those of the catalog, and its sections read their own keys.
package struct ConfigurationParser: Sendable {
    /// The file kubelint looks for from the current directory upward.
    package static let fileName = ".kubelint.yaml"

    package let catalog: LintCatalog

    package init(catalog: LintCatalog) {
        self.catalog = catalog
    }

    static let keys: [ConfigurationKey] = [
        ConfigurationKey(name: "defaultNamespace") { _ in readDefaultNamespace },
        ConfigurationKey(name: "externalObjects") { _ in readExternalObjects },
        ConfigurationKey(name: "profile") { _ in readProfile },
        ConfigurationKey(name: "rules", read: readRules),
        ConfigurationKey(name: "kubernetesVersion") { _ in readKubernetesVersion },
        ConfigurationKey(name: "paths") { _ in readPaths },
        ConfigurationKey(name: "exclude") { _ in readExclude },
        ConfigurationKey(name: "maxFileSize") { _ in readMaxFileSize },
        ConfigurationKey(name: "ignore", read: readIgnore),
    ]

    package func parse(_ text: String, file: String) -> ParsedConfiguration {
        parse(Array(text.utf8), file: file)
    }

    package func parse(_ bytes: [UInt8], file: String) -> ParsedConfiguration {
        var reader = SchemaReader(file: file, origin: .configuration)
        var parsed = ParsedConfiguration()
        let allowed = Self.keys.map(\.name) + catalog.sections.map { $0.key }
        if let root = reader.root(of: bytes),
           let fields = reader.fields(root, allowed: allowed, in: "the configuration") {
            // Keys are applied in the table's order, not the file's, so that what one key
            // means never depends on where another was written.
            for key in Self.keys {
                if let pair = fields[key.name], !pair.value.isNull {
                    key.read(self)(pair, &reader, &parsed)
                }
            }
            for section in catalog.sections {
                if let pair = fields[section.key], !pair.value.isNull {
                    parsed.configuration.sections.read(section, pair, reader: &reader)
                }
            }
        }
        parsed.configuration.problems = reader.problems
        return parsed
    }

    /// A configuration that could not be read at all.
    package static func unreadable(file: String, reason: String) -> ParsedConfiguration {
        var parsed = ParsedConfiguration()
        parsed.configuration.problems = [ConfigurationProblem(origin: .configuration, file: file, message: "cannot read the configuration: \(reason)")]
        return parsed
    }

    /// `kubernetesVersion: 1.13` is a number to YAML; the text as written is what counts
    /// (`1.10` must not become 1.1), so any scalar is read by its text.
    private static func readKubernetesVersion(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let scalar = pair.value.scalar else {
            reader.report("kubernetesVersion must be a version such as \"1.29\", found \(pair.value.typeDescription)", at: pair.value.start)
            return
        }
        guard let version = KubernetesVersion(parsing: scalar.text) else {
            reader.report("kubernetesVersion '\(scalar.text)' is not a Kubernetes version: write \(KubernetesVersion.expectedFormat)", at: pair.value.start)
            return
        }
        if let problem = version.unknownReleaseProblem {
            reader.report("kubernetesVersion '\(scalar.text)': \(problem)", at: pair.value.start)
            return
        }
        parsed.configuration.kubernetesVersion = version
    }

    private static func readDefaultNamespace(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let namespace = reader.string(pair, "defaultNamespace") else { return }
        guard isDNSLabel(namespace.value) else {
            reader.report("defaultNamespace '\(namespace.value)' is not a valid namespace name (lowercase letters, digits and '-', at most 63)", at: namespace.mark)
            return
        }
        parsed.configuration.defaultNamespace = namespace.value
    }

    private static func readExternalObjects(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let items = reader.list(pair, "externalObjects") else { return }
        for (index, item) in items.enumerated() {
            let place = "externalObjects[\(index)]"
            guard let fields = reader.fields(item, allowed: ["kind", "name", "namespace", "labels"], in: place) else { continue }
            reader.require(fields, "kind", in: place)
            reader.require(fields, "name", in: place)
            let kind = reader.name(fields["kind"], "\(place).kind")
            let name = reader.name(fields["name"], "\(place).name")
            let namespace = reader.string(fields["namespace"], "\(place).namespace")
            let labels = readLabels(fields["labels"], "\(place).labels", &reader)
            guard let kind, let name else { continue }
            if let labelsPair = fields["labels"], kind.value != "Pod" {
                // Only pods are selected by labels; on another kind the labels would silently do nothing.
                reader.report("\(place).labels is only for kind: Pod (pods made at run time that Services select), not \(kind.value)", at: labelsPair.key.start)
                continue
            }
            parsed.configuration.externalObjects.append(
                ExternalObject(kind: kind.value, name: name.value, namespace: namespace?.value, labels: labels, mark: item.start)
            )
        }
    }

    /// A mapping of label keys to string values, as a pod's `metadata.labels`.
    private static func readLabels(_ pair: Pair?, _ what: String, _ reader: inout SchemaReader) -> StringMap {
        guard let pair, !pair.value.isNull else { return StringMap() }
        guard let pairs = pair.value.pairs else {
            reader.report("\(what) must be a mapping of label keys to values, found \(pair.value.typeDescription)", at: pair.value.start)
            return StringMap()
        }
        var entries: [StringMap.Entry] = []
        for entry in pairs {
            guard let key = entry.key.scalar?.text, let value = MappingReader.string(entry.value) else {
                reader.report("\(what) must map label keys to string values (quote numbers and booleans)", at: entry.value.start)
                continue
            }
            entries.append(StringMap.Entry(key: key, value: value, keyMark: entry.key.start, valueMark: entry.value.start))
        }
        return StringMap(entries: entries, mark: pair.value.start)
    }

    private func readRules(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let entries = pair.value.pairs else {
            reader.report("rules must be a mapping of rule ids to settings, found \(pair.value.typeDescription)", at: pair.value.start)
            return
        }
        for entry in entries {
            guard let id = entry.key.scalar?.text else {
                reader.report("rule ids must be strings, found \(entry.key.typeDescription)", at: entry.key.start)
                continue
            }
            guard let description = catalog.description(of: id) else {
                reader.report(catalog.unknownRule(id), at: entry.key.start)
                continue
            }
            let place = "rules.\(id)"
            guard let fields = reader.fields(entry.value, allowed: ["enabled", "severity"], in: place) else { continue }
            let enabled = reader.bool(fields["enabled"], "\(place).enabled")
            let severity = reader.string(fields["severity"], "\(place).severity")
            if description.category == .input, enabled != nil || severity != nil {
                // An input rule reports what was not read; silencing it would let a lint step
                // pass over files it never checked.
                reader.report("'\(id)' reports input that could not be read and cannot be configured", at: entry.key.start)
                continue
            }
            if let enabled {
                if enabled.value {
                    parsed.configuration.disabledRules.remove(id)
                    parsed.configuration.enabledRules.insert(id)
                } else {
                    parsed.configuration.disabledRules.insert(id)
                    parsed.configuration.enabledRules.remove(id)
                }
            } else if severity != nil {
                // A rule given a severity is wanted, whatever the profile says.
                parsed.configuration.enabledRules.insert(id)
            }
            if let severity {
                if let level = Severity(rawValue: severity.value) {
                    parsed.configuration.severityOverrides[id] = level
                } else {
                    reader.report("\(place).severity must be error, warning or info, found '\(severity.value)'", at: severity.mark)
                }
            }
        }
    }

    /// `profile: default | recommended | security | all`.
    private static func readProfile(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let name = reader.string(pair, "profile") else { return }
        guard let profile = RuleProfile(rawValue: name.value) else {
            let names = RuleProfile.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report("profile must be one of \(names), found '\(name.value)'", at: name.mark)
            return
        }
        parsed.configuration.profile = profile
    }

    /// RFC 1123 label, the rule for namespace names (the schema check's own test).
    package static func isDNSLabel(_ text: String) -> Bool {
        ValueSyntax.dnsLabel(text) == nil
    }
}

extension LintCatalog {
    /// "unknown rule 'x'", with the closest rule id if one is close.
    func unknownRule(_ id: String) -> String {
        "unknown rule '\(id)'" + NameSuggestion.hint(for: id, among: descriptions.map(\.id))
    }

    /// Why a suppression cannot name `ruleID` (unknown, or a rule whose findings are never
    /// suppressed); nil when it can. `*` is valid here; callers that do not accept it check first.
    func suppressionProblem(ruleID: String) -> String? {
        if ruleID == IgnoreEntry.everyRule { return nil }
        guard let description = description(of: ruleID) else { return unknownRule(ruleID) }
        switch description.category {
        case .input:
            return "'\(ruleID)' reports input that could not be read and cannot be suppressed"
        case .suppressions:
            return "'\(ruleID)' reports suppressions themselves and cannot be suppressed"
        default:
            return nil
        }
    }
}
