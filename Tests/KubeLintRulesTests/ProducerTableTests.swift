import Testing
import KubeLintModel
@testable import KubeLintRules

@Suite("The producer table")
struct ProducerTableTests {
    @Test func theBuiltInTableReadsWithoutProblems() {
        #expect(BuiltInProducers.parsed.problems.map { "\($0.file):\($0.mark.line):\($0.mark.column): \($0.message)" } == [])
        #expect(BuiltInProducers.entries.count > 30)
    }
}
