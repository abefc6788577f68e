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

    var floor: Double { max(1, phases.wall("floor")) }

    func progressLine() -> String {
        "N=\(apps): \(phases.counts["resources"] ?? 0) resources, floor \(Table.milliseconds(phases.wall("floor"))) ms, "
            + "serial ×\(Table.ratio(phases.wall("serial") / floor)), parallel ×\(Table.ratio(phases.wall("parallel") / floor)), "
            + "peak \(Table.megabytes(parallelProcess.peakMemory)) MB"
    }
}

enum Table {
    static func render(rows: [SizeRow], stagingWalls: [Int64], staging: String) -> String {
        var lines: [String] = []
        lines.append("Times are ratios to the floor: libyaml's event loop alone over the same bytes, one thread.")
        lines.append("")
        lines.append("| N apps | resources | YAML MB | read | libyaml events | node tree | model | rules | report | total, 1 thread | total, all cores | CPU, all cores |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            let floor = row.floor
            let phases = row.phases
            let tree = max(0, phases.wall("parse") - phases.wall("floor"))
            let cells = [
                String(row.apps),
                String(phases.counts["resources"] ?? 0),
                megabytes(phases.counts["bytes"] ?? 0, decimals: 1),
                ratio(phases.wall("read") / floor),
                "1.00",
                ratio(tree / floor),
                ratio(phases.wall("model") / floor),
                ratio(phases.wall("rules") / floor),
                ratio(phases.wall("report") / floor),
                ratio(phases.wall("serial") / floor),
                ratio(phases.wall("parallel") / floor),
                ratio(phases.cpu("parallel") / floor),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("Whole processes (fresh process per run; wall includes start-up), ratios to the same floor:")
        lines.append("")
        lines.append("| N apps | 1 thread: wall | peak MB | all cores: wall | CPU | peak MB | kubelint binary: wall | peak MB |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            let floor = row.floor
            let cells = [
                String(row.apps),
                ratio(Double(row.serialProcess.wall) / floor),
                megabytes(row.serialProcess.peakMemory),
                ratio(Double(row.parallelProcess.wall) / floor),
                ratio(Double(row.parallelProcess.cpu) / floor),
                megabytes(row.parallelProcess.peakMemory),
                ratio(Double(row.binary.wall) / floor),
                megabytes(row.binary.peakMemory),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if let base = rows.first, (base.phases.counts["resources"] ?? 0) > 0 {
            let perResource = { (row: SizeRow) -> Double in
                row.phases.wall("rules") / Double(max(1, row.phases.counts["resources"] ?? 1))
            }
            let scaling = rows.map { "N=\($0.apps) ×\(ratio(perResource($0) / max(1, perResource(base))))" }
            lines.append("")
            lines.append("Rules, time per resource relative to N=\(base.apps): " + scaling.joined(separator: ", ") + " (linear stays near 1).")
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
