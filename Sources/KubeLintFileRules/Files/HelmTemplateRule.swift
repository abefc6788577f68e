import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct HelmTemplateRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "helm-template",
        severity: .warning,
        category: .files,
        summary: "A Helm template in the tree is not checked: lint what the chart renders",
        rationale: """
            A chart's templates become manifests only when Helm renders them with the chart's \
            values. Read as they are written, `{{- if .Values.enabled }}` is a YAML syntax error \
            and `name: {{ include "web.fullname" . }}` an invalid name, which says nothing about \
            the manifests the chart makes. kubelint recognises a template by a Go template action \
            that uses Helm's objects (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Files`, \
            `.Template`) or functions (`include`, `tpl`, `toYaml`, `required`, `lookup`), in a \
            file that does not parse, or holds objects and either sits in a chart's \
            `templates/` directory or has such an action unquoted where YAML structure goes. \
            Actions kept as data do not count: Prometheus alert text \
            (`{{ $labels.instance }}`), Helm text quoted in a Flux HelmRelease's values for the \
            chart's `tpl`, and values files, which parse to no object (`not-a-manifest`). It \
            reports each template once instead of checking it, as a warning because the \
            manifests in it go unchecked; a run that finds nothing but templates fails with \
            `no-objects`.
            """,
        remediation: "Lint the rendered chart (`helm template CHART | kubelint -`) and list the chart under `exclude` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓{{ include "web.fullname" . }}
                  labels:
                    {{- include "web.labels" . | nindent 4 }}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: alert-text
                data:
                  summary: "{{ $labels.instance }} has been down for {{ $value }} minutes"
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context.tree.files.compactMap { file in
            guard case .helmTemplate(let action) = file.content else { return nil }
            return finding(Self.message(file: file.path), file: file.path, at: action)
        }
    }

    static func message(file: String) -> String {
        "a Helm template, not a manifest until it is rendered: nothing in it is checked; lint what the chart renders (\(HelmChartCommand.render(file: file))) and list the chart under exclude in .kubelint.yaml"
    }
}
