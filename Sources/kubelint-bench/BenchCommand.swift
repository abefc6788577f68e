import ArgumentParser
import KubeLintBench
import KubeLintDriver
import KubeLintModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelint-bench",
        abstract: "Measure kubelint against libyaml's event loop on generated trees.",
        discussion: "Run it through scripts/bench.sh, which builds the release binaries first.",
        subcommands: [RunCommand.self, GenerateCommand.self, PhasesCommand.self, LintOnceCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// Writes one generated tree.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a generated tree of N apps.")

    @Option(help: "Number of apps (about 4.1 resources each).")
    var apps: Int

    @Argument(help: "Directory to write (created if needed).")
    var directory: String

    func run() throws {
        let count = try TreeGenerator(apps: apps).write(to: directory)
        print("\(count) files, \(TreeGenerator(apps: apps).resourceCount) resources in \(directory)")
    }
}

/// Child process: every phase of one tree, timed in this process.
struct PhasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "phases", abstract: "Time each phase over a tree (prints raw numbers).")

    @Option(help: "Runs per phase; the fastest counts.")
    var `repeat`: Int = 3

    @Option(help: "The rule profile to lint with.")
    var profile: RuleProfile = .default

    @Argument var directory: String

    func run() throws {
        for line in PhaseRun(directory: directory, repeats: max(1, `repeat`), profile: profile).run().lines() {
            print(line)
        }
    }
}

/// Child process: one lint as the CLI runs it, so that the parent can read its peak memory.
struct LintOnceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Lint a tree once, output discarded.")

    @Flag(help: "Parse files on one thread.")
    var serial = false

    @Option(help: "The rule profile to lint with.")
    var profile: RuleProfile = .default

    @Argument var directory: String

    func run() throws {
        let cost = PhaseRun.lintCost(directory, parallel: !serial, profile: profile)
        print("lint \(cost.wall) \(cost.cpu)")
    }
}

/// `--profile all`: which rules the measured lint runs.
extension RuleProfile: ExpressibleByArgument {}
