/// Numbers printed by a `phases` child, one `name wall cpu` (or `name value`) per line.
struct PhaseNumbers {
    var counts: [String: Int] = [:]
    var costs: [String: Cost] = [:]

    init(parsing output: String) {
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first.map(String.init) else { continue }
            let numbers = fields.dropFirst().compactMap { Int64($0) }
            if numbers.count == 2 {
                costs[name] = Cost(wall: numbers[0], cpu: numbers[1])
            } else if numbers.count == 1 {
                counts[name] = Int(numbers[0])
            }
        }
    }

    init() {}

    func wall(_ name: String) -> Double { Double(costs[name]?.wall ?? 0) }
    func cpu(_ name: String) -> Double { Double(costs[name]?.cpu ?? 0) }
}

/// Whole-process figures over several runs: fastest wall and CPU, largest peak memory.
struct ProcessNumbers {
    var wall = Int64.max
    var cpu = Int64.max
    var peakMemory = 0
    /// In-process time of the lint itself, as the child printed it.
    var lint = Cost.unmeasured

    mutating func add(_ run: ChildRun) {
        wall = min(wall, run.wall)
        cpu = min(cpu, run.cpu)
        peakMemory = max(peakMemory, run.peakMemory)
        let inner = PhaseNumbers(parsing: run.output)
        if let cost = inner.costs["lint"] { lint = lint.fastest(cost) }
    }
}

struct SizeRow {
    var apps: Int
    var phases = PhaseNumbers()
    var phaseProcessMemory = 0
    var serialProcess = ProcessNumbers()
    var parallelProcess = ProcessNumbers()
    var binary = ProcessNumbers()

    func progressLine() -> String {
        "N=\(apps): \(phases.counts["resources"] ?? 0) resources, floor \(Table.milliseconds(phases.cpu("floor"))) ms CPU, "
            + "1 thread ×\(Table.ratio(phases.cpu("serial") / max(1, phases.cpu("floor")))) (CPU), "
            + "all cores ×\(Table.ratio(phases.wall("parallel") / max(1, phases.wall("floor")))) (wall), "
            + "peak \(Table.megabytes(parallelProcess.peakMemory)) MB"
    }
}

enum Table {
    /// Single-threaded phases are compared by CPU time, which other processes on a shared
    /// machine disturb far less than wall time; runs on all cores by wall time, the point of them.
    static func render(rows: [SizeRow], stagingWalls: [Int64], staging: String, load: (before: String, after: String)) -> String {
        var lines: [String] = []
        lines.append("Ratios to the floor: libyaml's event loop alone over the same bytes in memory, one thread (CPU time).")
        if let row = rows.last, row.phases.cpu("floor") > 0 {
            let megabytesPerSecond = Double(row.phases.counts["bytes"] ?? 0) / 1_048_576 / (row.phases.cpu("floor") / 1e9)
            lines.append("On this machine the floor reads \(format(megabytesPerSecond, decimals: 0)) MB/s of YAML.")
        }
        lines.append("")
        lines.append("One thread, CPU time of each phase over the whole tree:")
        lines.append("")
        lines.append("| N apps | resources | YAML MB | walk | read | libyaml events | node tree | model | rules | report | free | total (CPU) | total (wall) |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            let phases = row.phases
            let floor = max(1, phases.cpu("floor"))
            let tree = max(0, phases.cpu("parse") - phases.cpu("floor"))
            let cells = [
                String(row.apps),
                String(phases.counts["resources"] ?? 0),
                megabytes(phases.counts["bytes"] ?? 0, decimals: 1),
                phases.costs["discover"] == nil ? "–" : ratio(phases.cpu("discover") / floor),
                ratio(phases.cpu("read") / floor),
                "1.00",
                ratio(tree / floor),
                ratio(phases.cpu("model") / floor),
                ratio(phases.cpu("rules") / floor),
                ratio(phases.cpu("report") / floor),
                phases.costs["release"] == nil ? "–" : ratio(phases.cpu("release") / floor),
                ratio(phases.cpu("serial") / floor),
                ratio(phases.wall("serial") / max(1, phases.wall("floor"))),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("All cores, and whole processes (a fresh process per run, so peaks never mix; start-up included):")
        lines.append("")
        lines.append("| N apps | all cores: wall | all cores: CPU | cores busy | peak MB, 1 thread | peak MB, all cores | kubelint binary: wall | binary peak MB |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            let floorWall = max(1, row.phases.wall("floor"))
            let floorCPU = max(1, row.phases.cpu("floor"))
            let cells = [
                String(row.apps),
                ratio(row.phases.wall("parallel") / floorWall),
                ratio(row.phases.cpu("parallel") / floorCPU),
                ratio(row.phases.cpu("parallel") / max(1, row.phases.wall("parallel"))),
                megabytes(row.serialProcess.peakMemory),
                megabytes(row.parallelProcess.peakMemory),
                ratio(Double(row.binary.wall) / floorWall),
                megabytes(row.binary.peakMemory),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if let base = rows.first, (base.phases.counts["resources"] ?? 0) > 0 {
            let perResource = { (row: SizeRow) -> Double in
                row.phases.cpu("rules") / Double(max(1, row.phases.counts["resources"] ?? 1))
            }
            let scaling = rows.map { "N=\($0.apps) ×\(ratio(perResource($0) / max(1, perResource(base))))" }
            lines.append("")
            lines.append("Rules, CPU time per resource relative to N=\(base.apps): " + scaling.joined(separator: ", ") + " (linear stays near 1).")
            let findings = rows.map { "N=\($0.apps): \($0.phases.counts["findings"] ?? 0)" }
            lines.append("Findings on the generated trees: " + findings.joined(separator: ", ") + ".")
        }
        let sorted = stagingWalls.sorted()
        if let fastest = sorted.first {
            let median = sorted[sorted.count / 2]
            lines.append("")
            lines.append("Staging tree (\(staging)), kubelint binary end to end over \(sorted.count) runs: "
                + "median \(milliseconds(Double(median))) ms, fastest \(milliseconds(Double(fastest))) ms.")
        }
        lines.append("Load average before: \(load.before); after: \(load.after) (2 cores; above 0 means other work shared them).")
        return lines.joined(separator: "\n")
    }

    static func ratio(_ value: Double) -> String { format(value, decimals: 2) }

    static func milliseconds(_ nanoseconds: Double) -> String { format(nanoseconds / 1e6, decimals: 1) }

    static func megabytes(_ bytes: Int, decimals: Int = 0) -> String { format(Double(bytes) / 1_048_576, decimals: decimals) }

    /// Fixed-point formatting without Foundation.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = abs(scaled % Int(scale))
        guard decimals > 0 else { return String(whole) }
        let digits = String(fraction)
        return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }
}
