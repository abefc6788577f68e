import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

extension LintContext {
    /// Whether a label selector of a kind kubelint does not model (a NetworkPolicy's) selects no
    /// Pod or workload template in `namespace`, nor pods declared external. Labels controllers add
    /// at run time are left out, and an expression kubelint cannot evaluate counts as a match.
    func selectsNoPods(_ selector: LabelSelector, namespace: String) -> Bool {
        var effective = selector
        effective.matchLabels = selector.matchLabels.withoutControllerLabels
        guard index.podRunners(selectedBy: effective, namespace: namespace).isEmpty else { return false }
        return !configuration.externalPodsExist(in: namespace, where: { effective.matches($0) ?? true })
    }

    /// Where a finding about a selector that selects nothing points: the first label no pod
    /// carries (usually the typo), else the selector.
    func noPodMark(_ selector: LabelSelector, namespace: String) -> Mark {
        firstLabelNoPodCarries(selector.matchLabels, namespace: namespace)?.valueMark ?? selector.mark
    }
}
