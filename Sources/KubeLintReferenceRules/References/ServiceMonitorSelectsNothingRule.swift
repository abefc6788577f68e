import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ServiceMonitorSelectsNothingRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "service-monitor-selects-nothing",
        severity: .warning,
        category: .references,
        summary: "A ServiceMonitor selects no Service in the tree",
        rationale: """
            A prometheus-operator ServiceMonitor scrapes the endpoints of the Services whose \
            labels its `selector` matches (the Service's own labels, not its pods'), in its own \
            namespace unless `namespaceSelector` says otherwise. When no Service there carries \
            those labels, Prometheus scrapes nothing and the metrics and alerts built on them \
            silently go empty. ServiceMonitors that look in other namespaces (`any: true`, or \
            `matchNames` naming another) are judged against those namespaces' Services. A \
            namespace where the tree has no Service at all is not judged (its Services are kept \
            elsewhere), nor is one where `externalObjects` declares a Service.
            """,
        remediation: "Make the selector match the labels of the Service to scrape (`metadata.labels`, not its selector).",
        triggeringExamples: [
            Example("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: ↓web-metrics
                  endpoints:
                  - port: metrics
                """, otherFiles: ["service.yaml": webService]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  endpoints:
                  - port: metrics
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: kubelet
                spec:
                  namespaceSelector:
                    matchNames: [kube-system]
                  selector:
                    matchLabels:
                      k8s-app: kubelet
                  endpoints:
                  - port: https-metrics
                """, otherFiles: ["service.yaml": webService]),
        ],
        equivalents: ["kube-linter:dangling-servicemonitor"]
    )

    static let webService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            app: web
        spec:
          selector:
            app: web
          ports:
          - name: metrics
            port: 9090
        """

    package func check(_ context: LintContext) -> [Finding] {
        let monitors = context.index.resources(ofKind: "ServiceMonitor").filter { $0.group == "monitoring.coreos.com" }
        guard !monitors.isEmpty else { return [] }
        // Services by namespace, once per run: a ServiceMonitor matches a Service's own labels,
        // which no index keeps.
        var servicesByNamespace: [String: [StringMap]] = [:]
        for service in context.index.resources(ofKind: "Service") {
            servicesByNamespace[context.index.namespace(of: service), default: []].append(service.metadata.labels)
        }
        var findings: [Finding] = []
        for monitor in monitors {
            guard let spec = monitor.root["spec"], let selectorNode = spec["selector"],
                  let selector = LabelSelector(reading: selectorNode, path: "spec.selector") else { continue }
            let own = context.index.namespace(of: monitor)
            let namespaces: [String]
            let namespaceSelector = spec["namespaceSelector"]
            if case .bool(true) = namespaceSelector?["any"]?.scalar?.resolved {
                namespaces = Array(servicesByNamespace.keys)
            } else if let names = namespaceSelector?["matchNames"]?.items?.compactMap(MappingReader.string), !names.isEmpty {
                namespaces = names
            } else {
                namespaces = [own]
            }
            // Services of namespaces where the tree has none may well exist: not judged.
            let known = namespaces.filter { servicesByNamespace[$0] != nil }
            guard !known.isEmpty, known.count == namespaces.count else { continue }
            let selects = known.contains { namespace in
                (servicesByNamespace[namespace] ?? []).contains { selector.matches($0) ?? true }
            }
            // A Service declared external may carry the labels; the configuration does not say.
            let externalServices = context.configuration.externalObjects.contains { entry in
                entry.kind == "Service" && known.contains(entry.namespace ?? context.configuration.defaultNamespace)
            }
            guard !selects, !externalServices else { continue }
            let mark = selector.matchLabels.entries.first?.valueMark ?? selector.mark
            let place = known == [own] ? context.inNamespace(own) : "in namespaces \(known.sorted().joined(separator: ", "))"
            findings.append(finding(
                "the selector matches the labels of no Service \(place); Prometheus scrapes nothing for this ServiceMonitor",
                at: mark, in: monitor
            ))
        }
        return findings
    }
}
