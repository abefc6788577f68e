import KubeLintDriver
import KubeLintModel
import KubeLintReport
import KubeLintEngine
import KubeLintYAML

/// Times each phase of a lint over one tree, in this process, one phase at a time over every
/// file, so that each number is the cost of that phase alone. Single-threaded throughout except
/// the parallel end-to-end run.
struct PhaseRun {
    let directory: String
    let repeats: Int
    /// The rules the lint runs (`--profile`).
    var profile: RuleProfile = .default

    struct Result {
        var files = 0
        var bytes = 0
        var resources = 0
        var events = 0
        var findings = 0
        /// libyaml's event loop alone over bytes in memory: the floor.
        var floor = Cost.unmeasured
        var read = Cost.unmeasured
        /// libyaml events plus node trees.
        var parse = Cost.unmeasured
        var model = Cost.unmeasured
        var rules = Cost.unmeasured
        var report = Cost.unmeasured
        /// Finding the files (directory walk).
        var discover = Cost.unmeasured
        /// Freeing the loaded tree, parse results and report at the end of a run.
        var release = Cost.unmeasured
        /// The whole lint as the CLI runs it (discover, load, lint, render), one thread.
        var serial = Cost.unmeasured
        /// The same with files parsed on every core.
        var parallel = Cost.unmeasured

        func lines() -> [String] {
            var lines = [
                "files \(files)", "bytes \(bytes)", "resources \(resources)", "events \(events)", "findings \(findings)",
            ]
            let costs: [(String, Cost)] = [
                ("floor", floor), ("read", read), ("parse", parse), ("model", model), ("rules", rules),
                ("report", report), ("discover", discover), ("release", release), ("serial", serial), ("parallel", parallel),
            ]
            for (name, cost) in costs {
                lines.append("\(name) \(cost.wall) \(cost.cpu)")
            }
            return lines
        }
    }

    func run() -> Result {
        var result = Result()
        let serialOptions = LoadOptions(parallel: false)
        let inputs = Loader.discover([directory], options: serialOptions).inputs
        result.files = inputs.count
        for _ in 0..<repeats {
            result.discover = result.discover.fastest(Clock.measure { Loader.discover([directory], options: serialOptions).inputs.count }.1)
            result.release = result.release.fastest(measureOneRun(inputs: inputs, options: serialOptions, into: &result))
        }
        for _ in 0..<repeats {
            result.serial = result.serial.fastest(Self.lintCost(directory, parallel: false, profile: profile))
            result.parallel = result.parallel.fastest(Self.lintCost(directory, parallel: true, profile: profile))
        }
        return result
    }

    /// Runs every phase once over the tree, keeping the fastest time of each in `result`;
    /// returns what freeing everything at the end cost.
    private func measureOneRun(inputs: [Loader.Input], options serialOptions: LoadOptions, into result: inout Result) -> Cost {
        let everything = Holder()
        do {
            let (read, readCost) = Clock.measure { inputs.map { Loader.read($0, options: serialOptions) } }
            result.read = result.read.fastest(readCost)
            let contents = read.compactMap { file -> [UInt8]? in
                if case .bytes(_, let bytes) = file { return bytes }
                return nil
            }
            result.bytes = contents.reduce(0) { $0 + $1.count }

            let (events, floorCost) = Clock.measure {
                contents.reduce(0) { total, bytes in
                    total + (bytes.withUnsafeBytes { YAMLParser.countEvents($0) } ?? 0)
                }
            }
            result.events = events
            result.floor = result.floor.fastest(floorCost)

            let (parsed, parseCost) = Clock.measure { read.map { Loader.parse($0, options: serialOptions) } }
            result.parse = result.parse.fastest(parseCost)
            let (tree, modelCost) = Clock.measure { Loader.assemble(parsed.map(Loader.decode)) }
            result.model = result.model.fastest(modelCost)
            result.resources = tree.resources.count

            var configuration = LintConfiguration()
            configuration.profile = profile
            let (lint, rulesCost) = Clock.measure { Linter(configuration: configuration, parallel: false).lint(tree) }
            result.rules = result.rules.fastest(rulesCost)
            result.findings = lint.findings.count

            let (text, reportCost) = Clock.measure {
                var sources: [String: SourceFile] = [:]
                for file in tree.files { sources[file.path] = file }
                let report = Report(result: lint, sources: sources, toolVersion: KubeLintVersion.current)
                return TextReporter().render(report)
            }
            result.report = result.report.fastest(reportCost)
            everything.value = (read, parsed, tree, lint, text)
        }
        return Clock.measure { everything.value = nil }.1
    }

    /// Keeps a run's data alive until it is freed on purpose, inside the measurement.
    private final class Holder {
        var value: (read: [Loader.ReadFile], parsed: [Loader.ParsedFile], tree: LoadedTree, lint: LintResult, text: String)?
    }

    /// One full lint as `kubelint DIR` does it, the report rendered and dropped.
    static func lintCost(_ directory: String, parallel: Bool, profile: RuleProfile = .default) -> Cost {
        var request = LintRequest(paths: [directory], loadOptions: LoadOptions(parallel: parallel))
        request.profile = profile
        return Clock.measure {
            request.format.reporter.render(LintSession.lint(request)).utf8.count
        }.1
    }
}
