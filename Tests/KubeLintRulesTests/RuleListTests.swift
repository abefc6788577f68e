import Foundation
import Testing
import KubeLintDriver
import KubeLintEngine

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The catalog holds every rule of the source tree: a rule module lists its own rules at build
/// time (Plugins/RuleList), and this scan, written apart from that script, finds a rule the
/// build would miss (a rule module the driver does not list, a declaration the script cannot
/// read).
@Suite("The rule catalog")
struct RuleListTests {
    /// Top-level declarations `[access] [final] struct|class|enum|protocol Name: A, B` of every
    /// Swift file under Sources/.
    private static func declarations() throws -> [(kind: String, name: String, conformances: [String])] {
        let sources = URL(fileURLWithPath: repositoryRoot + "/Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        let pattern = try Regex(#"^(?:(?:public|package|internal|fileprivate|private)\s+)?(?:final\s+)?(struct|class|enum|protocol)\s+(\w+)\s*:([^{]*)"#)
        var found: [(String, String, [String])] = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                guard let match = line.prefixMatch(of: pattern), let kind = match[1].substring, let name = match[2].substring,
                      let list = match[3].substring else { continue }
                let conformances = list.split(separator: " where ")[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                found.append((String(kind), String(name), conformances))
            }
        }
        return found
    }

    /// The types of the source tree that conform to a rule protocol.
    static func ruleTypeNames() throws -> Set<String> {
        let declarations = try declarations()
        var ruleProtocols: Set<String> = ["Rule"]
        while true {
            let refining = declarations.filter { $0.kind == "protocol" && !ruleProtocols.contains($0.name) && $0.conformances.contains(where: ruleProtocols.contains) }
            if refining.isEmpty { break }
            ruleProtocols.formUnion(refining.map(\.name))
        }
        return Set(declarations.filter { $0.kind != "protocol" && $0.conformances.contains(where: ruleProtocols.contains) }.map(\.name))
    }

    @Test func everyRuleTypeOfTheSourcesIsInTheCatalog() throws {
        let catalog = Set(LintCatalog.builtIn.ruleTypes.map { String(describing: $0) })
        let sources = try Self.ruleTypeNames()
        #expect(sources.count > 60)
        #expect(sources.subtracting(catalog).sorted() == [], "rule types the catalog does not hold")
        #expect(catalog.subtracting(sources).sorted() == [], "catalog entries the scan did not find")
    }

    @Test func rulesAreListedByCategoryThenID() {
        let descriptions = LintCatalog.builtIn.descriptions
        let keys = descriptions.map { ($0.category.rank, $0.id) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(descriptions.map(\.id)).count == descriptions.count, "rule ids are unique")
    }
}
