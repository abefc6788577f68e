import KubeLintModel
import KubeLintReport
import KubeLintContracts
import KubeLintDriver
import KubeLintEngine

/// The whole pipeline on arbitrary bytes: parse, decode, every rule, every reporter, and every fix. The same
/// bytes are also read as a `.kubelint.yaml` and as a contract, and the contract is applied to
/// the tree, so the configuration and contract code see hostile input too.
/// Used by the libFuzzer entry point, by the replay mode, and by the regression tests that replay
/// what the fuzzer found (Tests/KubeLintFuzzTests). It must return normally for every input.
enum FuzzHarness {
    /// What one input gave: counts that keep the work from being optimised away, and the exit
    /// status a run would have.
    struct Outcome {
        var findings: Int
        var renderedBytes: Int
        var exitStatus: ExitStatus
    }

    @discardableResult
    static func exercise(_ bytes: [UInt8]) -> Outcome {
        let tree = Loader.load([.bytes(name: "fuzz.yaml", bytes)], options: LoadOptions(parallel: false))
        var configuration = LintConfiguration()
        configuration.problems = ConfigurationParser.parse(bytes, file: "fuzz.yaml").configuration.problems
        let contract = ContractParser.parse(bytes, file: "fuzz.yaml")
        configuration.problems += contract.problems
        if let parsed = contract.contract {
            configuration[ConfiguredContracts.self].contracts.append(ScopedContract(parsed))
        }
        let result = Linter(configuration: configuration, parallel: false).lint(tree)
        var sources: [String: SourceFile] = [:]
        for file in tree.files { sources[file.path] = file }
        let report = Report(result: result, sources: sources, toolVersion: KubeLintVersion.current)
        var rendered = 0
        for format in OutputFormat.allCases {
            rendered &+= format.reporter.render(report).utf8.count
        }
        // `kubelint fix` over the same bytes: every fix's edits, their verification and the diff.
        let fixed = FixLoop.run(tree, linter: Linter(configuration: LintConfiguration(), parallel: false)) { contents in
            Loader.load([.bytes(name: "fuzz.yaml", contents["fuzz.yaml"] ?? bytes)], options: LoadOptions(parallel: false))
        }
        for file in fixed.changedFiles {
            rendered &+= UnifiedDiff.render(path: file.path, original: file.original, fixed: file.fixed).utf8.count
        }
        rendered &+= FixReporter().render(fixed).utf8.count
        return Outcome(findings: result.findings.count, renderedBytes: rendered, exitStatus: ExitStatus.of(result))
    }
}
