import Foundation
import Testing
import KubeLintDriver
@testable import kubelint_fuzz

/// The repository root, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Inputs aimed at the corners scripts/fuzz.sh exercises (written by hand: the fuzzer has found
/// no crash yet; any crasher it finds goes here), replayed through the fuzz target's harness on
/// every test run. A crash fails the run; a run that would not exit clean must say why.
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
        #expect(outcome.exitStatus == .clean || outcome.findings > 0, "\(name) fails the run without a finding")
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs().count >= 5)
    }
}
