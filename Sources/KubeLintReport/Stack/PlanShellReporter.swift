import KubeLintGraph
import KubeLintModel

/// `kubelint plan --format shell`: a bash script that applies the tree step by step
/// (`kubectl apply -f FILE`), and before a step that needs objects of earlier steps ready,
/// waits for them (`kubectl rollout status`, `kubectl wait`). Paths are as kubelint was given
/// them: run it from the same directory.
public enum PlanShellReporter {
    /// How long each wait may take.
    static let timeout = "300s"

    public static func render(_ report: StackReport) -> String {
        let plan = report.plan
        let graph = report.graph
        var lines = [
            "#!/usr/bin/env bash",
            "# The order `kubelint plan` computed: apply each step, waiting where a step needs an earlier one ready.",
            "# Run from the directory kubelint was run in (paths are as it was given them).",
            "set -euo pipefail",
        ]
        // A file is applied once, in the first step that has one of its objects.
        var applied: Set<String> = []
        for (number, step) in plan.steps.enumerated() {
            lines.append("")
            lines.append("# Step \(number + 1): \(PlanTextReporter.title(of: step.phase))")
            for position in step.waitFor {
                lines.append(waitCommand(for: position, graph: graph))
            }
            for position in step.objects {
                let file = graph.object(position).source.file
                guard !applied.contains(file), file != Loader.standardInputName else { continue }
                applied.insert(file)
                let early = plan.steps.indices.dropFirst(number + 1).flatMap { later in
                    plan.steps[later].objects.filter { graph.object($0).source.file == file }
                }
                if !early.isEmpty {
                    let names = early.map { PlanTextReporter.name(of: $0, in: report) }.joined(separator: ", ")
                    lines.append("# \(file) also holds \(names) of later steps: created now, they start once what they need is up")
                }
                lines.append("kubectl apply -f \(quoted(file))")
            }
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

    /// `text` as one bash word: as it is when every character is safe, else in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=,:@".contains($0)) }
        return plain ? text : "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
