import Testing
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintSecurityRules
@testable import KubeLintPracticeRules
@testable import KubeLintDriver

/// Every check of kube-linter's built-in set and kube-score's list is the equivalent of some
/// kubelint rule or listed as not applicable with the reason; never both, never neither.
@Suite("Peer checks")
struct PeerCheckTests {
    static let claimed = Set(LintCatalog.builtIn.descriptions.flatMap(\.equivalents))
    static let notApplicable = Set(PeerChecks.notApplicable.map(\.check))

    @Test func thePeerListsAreComplete() {
        #expect(PeerChecks.kubeLinter.count == 63)
        #expect(PeerChecks.kubeScore.count == 39)
        #expect(Set(PeerChecks.all).count == PeerChecks.all.count)
    }

    @Test("each peer check is implemented, mapped or not applicable", arguments: PeerChecks.all)
    func everyCheckIsAccountedFor(_ check: String) {
        let mapped = Self.claimed.contains(check)
        let excused = Self.notApplicable.contains(check)
        #expect(mapped != excused, "\(check): mapped \(mapped), not applicable \(excused)")
    }

    @Test func equivalentsNameKnownChecks() {
        let known = Set(PeerChecks.all)
        for rule in LintCatalog.builtIn.descriptions {
            for check in rule.equivalents {
                #expect(known.contains(check), "\(rule.id) names unknown check \(check)")
            }
        }
        for entry in PeerChecks.notApplicable {
            #expect(known.contains(entry.check))
            #expect(!entry.reason.isEmpty)
        }
    }
}
