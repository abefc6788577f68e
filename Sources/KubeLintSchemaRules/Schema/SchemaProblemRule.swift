import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A rule that reports one kind of the built-in schema check's problems (see `SchemaReport`).
/// Each problem belongs to exactly one such rule, so nothing is reported twice.
protocol SchemaProblemRule: ResourceRule {
    func reports(_ problem: SchemaProblem) -> Bool
}

extension SchemaProblemRule {
    package static var facts: [any Fact.Type] { [SchemaReport.self] }

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        schemaFindings(resource, context: context)
    }

    /// The rule's share of the resource's built-in schema problems, for rules that add checks
    /// of their own to it.
    func schemaFindings(_ resource: Resource, context: LintContext) -> [Finding] {
        context[SchemaReport.self].problems(for: resource).compactMap { problem in
            guard !problem.isCustomResource, reports(problem) else { return nil }
            return finding(problem.message, at: problem.mark, in: resource)
        }
    }
}
