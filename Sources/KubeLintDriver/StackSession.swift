import KubeLintModel
import KubeLintReport
import KubeLintRules

/// The formats of `kubelint plan`.
public enum PlanFormat: String, Sendable, CaseIterable {
    /// Numbered steps for people.
    case text
    /// `{"steps": [{"objects": [...], "waitFor": [...]}], ...}`.
    case json
    /// A bash script of `kubectl apply` and waits.
    case shell
}

/// The formats of `kubelint graph`.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// A Mermaid flowchart (renders in GitHub markdown).
    case mermaid
    /// Graphviz DOT.
    case dot
    /// The nodes and edges.
    case json
}

/// What a stack run writes.
public enum StackOutput: Sendable {
    case plan(PlanFormat)
    case graph(GraphFormat)
}

/// One `kubelint plan` or `kubelint graph`: the tree read and linted as `kubelint lint` would
/// (same configuration, paths and release), then its reference graph shown.
public enum StackSession {
    /// The tree of `request` as a `StackReport`, with its input findings (files that could not
    /// be read or parsed: the plan and the graph leave their objects out).
    public static func stack(_ request: LintRequest, standardInput: () -> [UInt8] = { [] }) -> (report: StackReport, inputFindings: [Finding]) {
        let setup = LintSetup(request)
        let tree = setup.load(standardInput: standardInput)
        let configuration = setup.configuration(for: tree)
        let context = LintContext(tree: tree, configuration: configuration, inputs: setup.paths, parallel: setup.loadOptions.parallel)
        let result = Linter(configuration: configuration, parallel: setup.loadOptions.parallel).lint(context)
        let inputFindings = result.findings.filter { RuleRegistry.inputRuleIDs.contains($0.ruleID) }
        return (StackReport(graph: context.referenceGraph, findings: result.findings), inputFindings)
    }

    /// The text `output` asks for.
    public static func render(_ report: StackReport, as output: StackOutput) -> String {
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
    public static func run(_ request: LintRequest, output: StackOutput, streams: OutputStreams) -> ExitStatus {
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
