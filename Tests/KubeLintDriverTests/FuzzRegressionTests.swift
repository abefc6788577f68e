import KubeLintModel
import Foundation
import Testing
@testable import KubeLintDriver

/// Inputs aimed at the corners scripts/fuzz.sh exercises (written by hand: the fuzzer has found
/// no crash yet; any crasher it finds goes here), replayed through the whole pipeline on every
/// test run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = repositoryRoot + "/fixtures/fuzz-regressions"

    static func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test(arguments: inputs())
    func replays(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.directory + "/" + name)))
        let outcome = FuzzHarness.exercise(bytes)
        // Every input yields a report, and anything not clean says why.
        #expect(outcome.renderedBytes > 0)
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs().count >= 5)
    }
}
