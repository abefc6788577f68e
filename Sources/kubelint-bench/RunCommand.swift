import ArgumentParser
import KubeLintBench
import KubeLintDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The benchmark: generates each tree, measures it in fresh processes, prints the table.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the whole benchmark and print the table (default).")

    @Option(help: ArgumentHelp("Comma-separated numbers of apps.", valueName: "n,n,..."))
    var sizes: String = "100,1000,10000"

    @Option(help: "Runs of each measurement; the fastest counts (peak memory: the largest).")
    var `repeat`: Int = 5

    @Option(help: "Where generated trees are kept between runs.")
    var workDirectory: String = ".build/bench-trees"

    @Option(help: "The kubelint release binary (default: next to this one).")
    var kubelint: String?

    @Option(help: ArgumentHelp("Another build's kubelint-bench to measure instead of this one (before/after comparisons).", valueName: "path"))
    var measure: String?

    @Option(help: "Tree whose end-to-end latency is measured with the kubelint binary.")
    var staging: String = "fixtures/staging/k8s"

    @Option(help: "Runs of the staging latency measurement.")
    var stagingRuns: Int = 40

    @Option(help: "The rule profile every measured lint runs (default: default).")
    var profile: RuleProfile = .default

    func run() throws {
        let own = measure ?? Self.executablePath()
        let binary = kubelint ?? (Self.directory(of: own) + "/kubelint")
        let appCounts = sizes.split(separator: ",").compactMap { Int($0.filter { $0 != " " }) }
        let runs = max(1, `repeat`)
        let loadBefore = Self.loadAverage()
        var rows: [SizeRow] = []
        for apps in appCounts {
            let tree = try prepareTree(apps: apps)
            var row = SizeRow(apps: apps)
            let profileArguments = ["--profile", profile.rawValue]
            let phases = try ChildRun.run([own, "phases", "--repeat", String(runs)] + profileArguments + [tree], captureOutput: true)
            row.phases = PhaseNumbers(parsing: phases.output)
            row.phaseProcessMemory = phases.peakMemory
            for _ in 0..<runs {
                row.serialProcess.add(try ChildRun.run([own, "lint", "--serial"] + profileArguments + [tree], captureOutput: true))
                row.parallelProcess.add(try ChildRun.run([own, "lint"] + profileArguments + [tree], captureOutput: true))
                row.binary.add(try ChildRun.run([binary] + profileArguments + [tree], captureOutput: false, acceptedStatuses: [0, 1]))
            }
            rows.append(row)
            print(row.progressLine())
        }
        var stagingWalls: [Int64] = []
        for _ in 0..<max(1, stagingRuns) {
            stagingWalls.append(try ChildRun.run([binary, "--profile", profile.rawValue, staging], captureOutput: false, acceptedStatuses: [0, 1]).wall)
        }
        print("")
        print("Profile: \(profile.rawValue)")
        print(Table.render(rows: rows, stagingWalls: stagingWalls, staging: staging, load: (loadBefore, Self.loadAverage())))
    }

    /// Generates the tree once; later runs reuse it (the generator is deterministic, and the
    /// marker names its version so that a changed generator regenerates).
    private func prepareTree(apps: Int) throws -> String {
        let tree = "\(workDirectory)/apps-\(apps)"
        let marker = "\(tree)/.complete-v\(TreeGenerator.version)"
        if access(marker, F_OK) == 0 { return tree }
        _ = try ChildRun.run(["/bin/rm", "-rf", tree], captureOutput: false)
        try TreeGenerator(apps: apps).write(to: tree)
        let descriptor = open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 { close(descriptor) }
        return tree
    }

    /// The 1, 5 and 15 minute load averages, for judging how much the machine was shared.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { Table.format($0, decimals: 2) }.joined(separator: " ")
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return CommandLine.arguments[0]
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
