import KubeLintModel
import KubeLintReport
import KubeLintRules

/// The whole pipeline on arbitrary bytes: parse, decode, every rule, every reporter.
/// Used by the libFuzzer target (`Sources/kubelint-fuzz`) and by the regression tests that
/// replay what the fuzzer found. It must return normally for every input.
public enum FuzzHarness {
    /// Returns the number of findings and of rendered bytes, so the work cannot be optimised away.
    @discardableResult
    public static func exercise(_ bytes: [UInt8]) -> (findings: Int, renderedBytes: Int) {
        let tree = Loader.load([.bytes(name: "fuzz.yaml", bytes)], options: LoadOptions(parallel: false))
        let result = Linter().lint(tree)
        var sources: [String: SourceFile] = [:]
        for file in tree.files { sources[file.path] = file }
        let report = Report(result: result, sources: sources, toolVersion: KubeLintVersion.current)
        var rendered = 0
        for format in OutputFormat.allCases {
            rendered &+= format.reporter.render(report).utf8.count
        }
        _ = ExitStatus.of(result)
        return (result.findings.count, rendered)
    }
}
