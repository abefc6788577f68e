import KubeLintEngine
import KubeLintModel
import KubeLintReport
import KubeLintTreeFacts

/// The formats of `kubelint plan`.
package enum PlanFormat: String, Sendable, CaseIterable {
    /// Numbered steps for people.
    case text
    /// `{"steps": [{"objects": [...], "waitFor": [...]}], ...}`.
    case json
    /// A bash script of `kubectl apply` and waits.
    case shell
}

/// The formats of `kubelint graph`.
package enum GraphFormat: String, Sendable, CaseIterable {
    /// A Mermaid flowchart (renders in GitHub markdown).
    case mermaid
    /// Graphviz DOT.
    case dot
    /// The nodes and edges.
    case json
}

/// What a stack run writes.
package enum StackOutput: Sendable {
    case plan(PlanFormat)
    case graph(GraphFormat)
}

/// One `kubelint plan` or `kubelint graph`: the tree read and linted as `kubelint lint` would
/// (same configuration, paths and release), then its reference graph shown.
package enum StackSession {
    /// The tree of `request` as a `StackReport`, with its input findings (files that could not
    /// be read or parsed: the plan and the graph leave their objects out).
    package static func stack(_ request: LintRequest, standardInput: () -> [UInt8] = { [] }) -> (report: StackReport, inputFindings: [Finding]) {
        let setup = LintSetup(request)
        let tree = setup.load(standardInput: standardInput)
        let report = stack(tree, configuration: setup.configuration(for: tree), inputs: setup.paths, parallel: setup.loadOptions.parallel)
        return (report.report, report.inputFindings)
    }

    /// The stack report of a loaded tree, linted with `configuration`.
    package static func stack(
        _ tree: LoadedTree, configuration: LintConfiguration, inputs: [String]? = nil, parallel: Bool = true
    ) -> (report: StackReport, inputFindings: [Finding]) {
        let linter = Linter(configuration: configuration, parallel: parallel)
        let (result, context) = linter.lint(tree, inputs: inputs, alsoDeriving: [ReferenceGraphFact.self])
        return (StackReport(graph: context[ReferenceGraphFact.self].graph, result: result), result.findings.filter(result.isInputFinding))
    }

    /// The text `output` asks for.
    package static func render(_ report: StackReport, as output: StackOutput) -> String {
        switch output {
        case .plan(.text): PlanTextReporter.render(report)
        case .plan(.json): PlanJSONReporter.render(report)
        case .plan(.shell): PlanShellReporter.render(report)
        case .graph(.mermaid): GraphMermaidReporter.render(report)
        case .graph(.dot): GraphDOTReporter.render(report)
        case .graph(.json): GraphJSONReporter.render(report)
        }
    }

    /// The whole run: exit status 0, or 2 when input could not be read (the output still
    /// shows the rest of the tree) or standard output cannot be written.
    package static func run(_ request: LintRequest, output: StackOutput, streams: OutputStreams) -> ExitStatus {
        let setup = LintSetup(request)
        if setup.lacksDefaultTree {
            streams.standardError(setup.missingDefaultTreeMessage)
            return .inputError
        }
        let (report, inputFindings) = stack(request, standardInput: streams.standardInput)
        for finding in inputFindings {
            streams.standardError("\(finding.location): \(finding.message) [\(finding.ruleID)]\n")
        }
        do {
            try streams.standardOutput(render(report, as: output))
        } catch {
            streams.standardError("kubelint: \(error)\n")
            return .inputError
        }
        return inputFindings.isEmpty ? .clean : .inputError
    }
}
