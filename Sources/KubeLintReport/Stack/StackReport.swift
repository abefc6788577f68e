import KubeLintEngine
import KubeLintGraph
import KubeLintModel

/// What `kubelint plan` and `kubelint graph` show: the tree's reference graph (the one the
/// lint builds and `host-reference-unresolved` reads), the plan read from it, and the lint findings at its references, whose
/// messages say what is wrong with an edge that leads nowhere.
package struct StackReport: Sendable {
    package let graph: ReferenceGraph
    package let plan: DeploymentPlan
    /// Whether the tree's objects are in more than one namespace (then names say which).
    let spansNamespaces: Bool
    /// The findings of the reference rules, by where they point: at a reference's key or value.
    private let findings: [FileLocation: [Finding]]

    /// `result`: the lint of the tree `graph` was built for; its reference rules' findings
    /// label the edges.
    package init(graph: ReferenceGraph, result: LintResult) {
        self.graph = graph
        plan = DeploymentPlan(graph)
        spansNamespaces = Set(graph.index.resources.map { graph.index.namespace(of: $0) }.filter { !$0.isEmpty }).count > 1
        let referenceRules = Set(result.rules.filter { $0.category == .references }.map(\.id))
        findings = Dictionary(grouping: result.findings.filter { referenceRules.contains($0.ruleID) }, by: \.location)
    }

    /// The messages of the findings at `edge`'s key or value (and, for a host reference, at the
    /// port it takes from another variable), in report order.
    package func problems(of edge: ReferenceGraph.Edge) -> [Finding] {
        let (file, mark) = graph.location(of: edge)
        var found = findings[FileLocation(file: file, mark: mark)] ?? []
        if let reference = graph.hostReference(of: edge), let site = reference.portSite, let portMark = reference.portMark {
            found += findings[FileLocation(file: graph.object(site).source.file, mark: portMark)] ?? []
        }
        return found
    }

    /// `Kind name` of the object at `position`.
    func title(of position: Int) -> String {
        let key = graph.key(of: position)
        return "\(key.kind) \(key.name)"
    }

    /// Where the object at `position` is written: its file and the line its document starts on.
    func place(of position: Int) -> (file: String, line: Int) {
        let resource = graph.object(position)
        return (resource.source.file, resource.mark.line)
    }


    /// Why a target outside the tree exists, or that it does not.
    static func describe(_ resolution: ReferenceGraph.Resolution) -> String {
        switch resolution {
        case .object: "in the tree"
        case .external: "declared external"
        case .platform: "made by Kubernetes"
        case .produced: "made by another object of the tree"
        case .unread: "maybe in a file that could not be read"
        case .missing: "not in the tree"
        }
    }
}
