import KubeLintGraph
import KubeLintModel

/// `kubelint plan --format shell`: a bash script that applies the tree step by step
/// (`kubectl apply -f FILE`), and before a step that needs objects of earlier steps ready,
/// waits for them (`kubectl rollout status`, `kubectl wait`). Paths are as kubelint was given
/// them: run it from the same directory.
package enum PlanShellReporter {
    /// How long each wait may take.
    static let timeout = "300s"

    package static func render(_ report: StackReport) -> String {
        let plan = report.plan
        let graph = report.graph
        var lines = [
            "#!/usr/bin/env bash",
            "# The order `kubelint plan` computed: apply each step, waiting where a step needs an earlier one ready.",
            "# Run from the directory kubelint was run in (paths are as it was given them).",
            "set -euo pipefail",
        ]
        let slices = FileSlices(graph)
        for (number, step) in plan.steps.enumerated() {
            lines.append("")
            lines.append("# Step \(number + 1): \(PlanTextReporter.title(of: step.phase))")
            for position in step.waitFor {
                lines.append(waitCommand(for: position, graph: graph))
            }
            lines += slices.applyCommands(for: step, number: number, plan: plan, report: report)
        }
        if plan.steps.contains(where: { $0.objects.contains { graph.object($0).source.file == Loader.standardInputName } }) {
            lines.append("")
            lines.append("# Objects read from standard input are not applied by this script.")
        }
        for cycle in plan.cycles {
            lines.append("# These workloads reach each other in a circle and are applied together: " + cycle.map { PlanTextReporter.name(of: $0, in: report) }.joined(separator: ", "))
        }
        for edge in plan.unresolved {
            let (file, mark) = graph.location(of: edge)
            let target = graph.target(of: edge)
            lines.append("# Unresolved: \(file):\(mark.line):\(mark.column) \(PlanTextReporter.name(of: edge.from, in: report)) → \(target.kind) \(target.name)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The command that waits until the object at `position` is ready.
    static func waitCommand(for position: Int, graph: ReferenceGraph) -> String {
        let resource = graph.object(position)
        let kind = resource.kind?.value ?? ""
        let name = quoted(resource.name ?? "")
        let namespace = resource.namespace.map { " -n \(quoted($0))" } ?? ""
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet":
            return "kubectl rollout status \(kind.lowercased())/\(name)\(namespace) --timeout=\(timeout)"
        case "Pod":
            return "kubectl wait --for=condition=Ready pod/\(name)\(namespace) --timeout=\(timeout)"
        case "Job":
            return "kubectl wait --for=condition=Complete job/\(name)\(namespace) --timeout=\(timeout)"
        case "CustomResourceDefinition":
            return "kubectl wait --for=condition=Established customresourcedefinition/\(name) --timeout=\(timeout)"
        default:
            // Any other runner of pods: wait for its pods by their labels.
            guard let labels = graph.index.podLabelSets(of: resource).first, !labels.isEmpty else {
                return "# kubelint knows no readiness check for \(kind) \(resource.name ?? ""): make sure it is ready before going on"
            }
            let selector = labels.entries.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "kubectl wait --for=condition=Ready pod -l \(quoted(selector))\(namespace) --timeout=\(timeout)"
        }
    }

    /// What to apply of each file, step by step: a file whose objects are all in one step
    /// whole (`kubectl apply -f FILE`); one whose objects are in several steps, the lines of
    /// each step's documents (`sed -n 'A,Bp' FILE | kubectl apply -f -`), so that a workload
    /// is not created before what it waits for, nor a custom resource before its definition.
    struct FileSlices {
        let graph: ReferenceGraph
        /// The objects of each file, by document.
        private var objectsOf: [String: [Int]] = [:]

        init(_ graph: ReferenceGraph) {
            self.graph = graph
            for position in graph.index.resources.indices {
                objectsOf[graph.object(position).source.file, default: []].append(position)
            }
            for file in objectsOf.keys {
                objectsOf[file]!.sort { graph.object($0).source.documentIndex < graph.object($1).source.documentIndex }
            }
        }

        func applyCommands(for step: DeploymentPlan.Step, number: Int, plan: DeploymentPlan, report: StackReport) -> [String] {
            var lines: [String] = []
            var done: Set<String> = []
            let inStep = Set(step.objects)
            for position in step.objects {
                let file = graph.object(position).source.file
                guard file != Loader.standardInputName, done.insert(file).inserted, let objects = objectsOf[file] else { continue }
                if objects.allSatisfy(inStep.contains) {
                    lines.append("kubectl apply -f \(quoted(file))")
                    continue
                }
                // A `kind: List` is one document: it cannot be cut, so it goes whole with its first step.
                if objects.contains(where: { graph.object($0).source.itemIndex != nil }) {
                    guard plan.step(of: objects[0]).map({ $0 == number }) ?? true,
                          objects.allSatisfy({ (plan.step(of: $0) ?? number) >= number }) else { continue }
                    lines.append("# \(file) is a List: all of it is applied now")
                    lines.append("kubectl apply -f \(quoted(file))")
                    continue
                }
                for range in lineRanges(of: objects, where: inStep.contains) {
                    let end = range.end.map(String.init) ?? "$"
                    lines.append("sed -n '\(range.start),\(end)p' \(quoted(file)) | kubectl apply -f -")
                }
            }
            return lines
        }

        /// The line ranges of the runs of consecutive documents of `objects` that `included`
        /// accepts: from a document's first line to the line before the next document's (nil:
        /// to the end of the file).
        private func lineRanges(of objects: [Int], where included: (Int) -> Bool) -> [(start: Int, end: Int?)] {
            var ranges: [(start: Int, end: Int?)] = []
            var runStart: Int?
            for (index, position) in objects.enumerated() {
                if included(position) {
                    if runStart == nil { runStart = index }
                } else if let start = runStart {
                    ranges.append((startLine(objects[start], first: start == 0), graph.object(position).mark.line - 1))
                    runStart = nil
                }
            }
            if let start = runStart { ranges.append((startLine(objects[start], first: start == 0), nil)) }
            return ranges
        }

        /// The first document starts at line 1 (its comments and `---` go with it).
        private func startLine(_ position: Int, first: Bool) -> Int {
            first ? 1 : graph.object(position).mark.line
        }
    }

    /// `text` as one bash word: as it is when every character is safe, else in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=,:@".contains($0)) }
        return plain ? text : "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
