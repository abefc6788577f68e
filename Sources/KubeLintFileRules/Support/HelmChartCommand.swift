import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The command that renders the chart a file belongs to, for messages that tell the user to
/// lint a chart's output instead of its sources.
enum HelmChartCommand {
    /// `helm template DIR | kubelint -` for a file of a chart: a template sits in the chart's
    /// `templates/` directory (at any depth below it), `Chart.yaml` at the chart's top.
    /// `CHART` stands in when the path does not tell (standard input, a template elsewhere).
    static func render(file: String) -> String {
        "helm template \(chartDirectory(of: file) ?? "CHART") | kubelint -"
    }

    static func chartDirectory(of file: String) -> String? {
        guard file != Loader.standardInputName else { return nil }
        var components = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let fileName = components.removeLast()
        if ToolConfiguration.helmChartFile(named: fileName) == .chartMetadata {
            return components.isEmpty ? "." : components.joined(separator: "/")
        }
        guard let templates = components.lastIndex(of: "templates") else { return nil }
        let chart = components[..<templates]
        return chart.isEmpty ? "." : chart.joined(separator: "/")
    }
}
