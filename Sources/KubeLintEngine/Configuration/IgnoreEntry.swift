import KubeLintModel
import KubeLintYAML

/// A suppression written in the configuration (`ignore`): findings of a rule (or of every rule)
/// on the objects it names, with the reason they are accepted. Every criterion given must hold.
package struct IgnoreEntry: Sendable {
    /// A rule id, or `*` for every rule that can be suppressed.
    package var rule: String
    package var kind: String?
    /// `*` and `?` wildcards allowed; an object that names no namespace is in the default one.
    package var namespace: String?
    /// `*` and `?` wildcards allowed.
    package var name: String?
    /// Files (or directories) relative to the configuration file's directory.
    package var path: PathGlob?
    package var reason: String
    /// Where the entry is written, for `unused-suppression`.
    package var location: FileLocation

    package init(
        rule: String, kind: String? = nil, namespace: String? = nil, name: String? = nil,
        path: PathGlob? = nil, reason: String, location: FileLocation
    ) {
        self.rule = rule
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.path = path
        self.reason = reason
        self.location = location
    }

    package static let everyRule = "*"

    /// Whether the entry covers `finding`; `relativePath` is the finding's file relative to the
    /// configuration's directory (nil when outside it).
    func matches(_ finding: Finding, relativePath: String?, defaultNamespace: String) -> Bool {
        guard rule == Self.everyRule || rule == finding.ruleID else { return false }
        if let path {
            guard let relativePath, path.covers(relativePath) else { return false }
        }
        guard kind != nil || namespace != nil || name != nil else { return true }
        guard let resource = finding.resource else { return false }
        if let kind, resource.kind != kind { return false }
        if let name {
            guard let resourceName = resource.name, PathGlob.matchesName(name, resourceName) else { return false }
        }
        if let namespace, !PathGlob.matchesName(namespace, resource.namespace ?? defaultNamespace) { return false }
        return true
    }
}

extension ConfigurationParser {
    func readIgnore(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let items = reader.list(pair, "ignore") else { return }
        let fieldNames = ["rule", "kind", "namespace", "name", "path", "reason"]
        for (index, item) in items.enumerated() {
            let place = "ignore[\(index)]"
            guard let fields = reader.fields(item, allowed: fieldNames, in: place) else { continue }
            reader.require(fields, "rule", in: place)
            reader.require(fields, "reason", in: place)
            let rule = reader.name(fields["rule"], "\(place).rule")
            let kind = reader.name(fields["kind"], "\(place).kind")
            let namespace = reader.name(fields["namespace"], "\(place).namespace")
            let name = reader.name(fields["name"], "\(place).name")
            let pathText = reader.name(fields["path"], "\(place).path")
            let reason = reader.string(fields["reason"], "\(place).reason")
            var valid = rule != nil && reason != nil
            if let rule, let problem = catalog.suppressionProblem(ruleID: rule.value) {
                reader.report("\(place).rule: \(problem)", at: rule.mark)
                valid = false
            }
            if let reason, reason.value.allSatisfy(\.isWhitespace) {
                reader.report("\(place).reason must say why the findings are accepted", at: reason.mark)
                valid = false
            }
            var path: PathGlob?
            if let pathText {
                path = PathGlob(pathText.value)
                if path == nil {
                    reader.report("\(place).path '\(pathText.value)' \(PathGlob.problem(with: pathText.value) ?? "is not a pattern")", at: pathText.mark)
                    valid = false
                }
            }
            guard valid, let rule, let reason else { continue }
            parsed.configuration.ignores.append(IgnoreEntry(
                rule: rule.value, kind: kind?.value, namespace: namespace?.value, name: name?.value, path: path,
                reason: reason.value, location: FileLocation(file: reader.file, mark: item.start)
            ))
        }
    }
}
