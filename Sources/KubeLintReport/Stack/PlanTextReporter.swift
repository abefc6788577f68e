import KubeLintGraph

/// `kubelint plan` for people: numbered steps, each object with where it is written, what each
/// step waits for, then the references that lead nowhere and the circles.
package enum PlanTextReporter {
    package static func render(_ report: StackReport) -> String {
        let plan = report.plan
        let graph = report.graph
        var lines: [String] = []
        let objectCount = plan.steps.reduce(0) { $0 + $1.objects.count }
        lines.append("Plan: \(objectCount) object\(objectCount == 1 ? "" : "s") in \(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s"); apply each step's files in order (kubectl apply -f FILE).")
        let width = plan.steps.flatMap(\.objects).map { name(of: $0, in: report).count }.max() ?? 0
        for (number, step) in plan.steps.enumerated() {
            lines.append("")
            lines.append("\(number + 1). \(title(of: step.phase))")
            if !step.waitFor.isEmpty {
                lines.append("   first wait until ready: " + step.waitFor.map { name(of: $0, in: report) }.joined(separator: ", "))
            }
            for position in step.objects {
                let name = name(of: position, in: report)
                let place = report.place(of: position)
                lines.append("   " + RuleTable.padded(name, to: width) + "  \(place.file):\(place.line)")
            }
        }
        if !plan.cycles.isEmpty {
            lines.append("")
            lines.append("Workloads that reach each other in a circle (applied together; each waits for the others at run time):")
            for cycle in plan.cycles {
                lines.append("   " + cycle.map { name(of: $0, in: report) }.joined(separator: " ↔ "))
            }
        }
        if !plan.unresolved.isEmpty {
            lines.append("")
            lines.append("References that lead nowhere (the plan cannot order what is not there):")
            for edge in plan.unresolved {
                let (file, mark) = graph.location(of: edge)
                let target = graph.target(of: edge)
                let problem = report.problems(of: edge).first?.message
                lines.append("   \(file):\(mark.line):\(mark.column): \(name(of: edge.from, in: report)) → \(target.kind) \(target.name)"
                    + (problem.map { ": \($0)" } ?? " (not in the tree)"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Kind name`, with `namespace/` when the tree spans several.
    static func name(of position: Int, in report: StackReport) -> String {
        let key = report.graph.key(of: position)
        let namespace = report.spansNamespaces && !key.namespace.isEmpty ? "\(key.namespace)/" : ""
        return "\(key.kind) \(namespace)\(key.name)"
    }

    static func title(of phase: DeploymentPlan.Phase) -> String {
        switch phase {
        case .foundation: "Namespaces and custom resource definitions"
        case .configuration: "Claims, configuration, accounts and access rules"
        case .workloads(let depth) where depth == 0: "Workloads that reach no other workload of the tree, with their Services"
        case .workloads: "Workloads that reach those of earlier steps, with their Services"
        case .afterWorkloads: "What acts on running workloads (autoscalers, budgets, custom resources, webhooks)"
        case .ingress: "Ingresses"
        }
    }
}
