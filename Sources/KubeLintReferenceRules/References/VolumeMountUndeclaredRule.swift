import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct VolumeMountUndeclaredRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodRunners.self]

    package static let description = RuleDescription(
        id: "volume-mount-undeclared",
        severity: .error,
        category: .references,
        summary: "A container mounts a volume the pod does not declare",
        rationale: """
            Every `volumeMounts[].name` must be the name of an entry in the pod's `volumes` (or, \
            in a StatefulSet, of a `volumeClaimTemplates` entry). Otherwise the API server \
            rejects the pod, and for a workload nothing starts at all. It typically happens when \
            a volume is renamed or removed on one side only. Custom resources that run pods \
            (Argo Rollouts, OpenKruise CloneSets) are checked too, with their own claim templates.
            """,
        remediation: "Declare the volume under the pod's `volumes`, or fix the mount's `name`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    volumeMounts:
                    - name: ↓web-pv
                      mountPath: /var/log/nginx
                  volumes:
                  - name: web-logs
                    emptyDir: {}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  selector:
                    matchLabels: {app: db}
                  template:
                    metadata:
                      labels: {app: db}
                    spec:
                      initContainers:
                      - name: init
                        image: busybox
                        volumeMounts:
                        - name: scratch
                          mountPath: /scratch
                      containers:
                      - name: db
                        image: postgres
                        volumeMounts:
                        - name: data
                          mountPath: /var/lib/postgresql/data
                        - name: scratch
                          mountPath: /scratch
                      volumes:
                      - name: scratch
                        emptyDir: {}
                  volumeClaimTemplates:
                  - metadata:
                      name: data
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources:
                        requests:
                          storage: 1Gi
                """),
            Example("""
                apiVersion: apps.kruise.io/v1alpha1
                kind: CloneSet
                metadata:
                  name: web
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        volumeMounts:
                        - name: cache
                          mountPath: /var/cache/nginx
                  volumeClaimTemplates:
                  - metadata:
                      name: cache
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources:
                        requests:
                          storage: 5Gi
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for runner in context[PodRunners.self].all {
            var declared = Set(runner.spec.volumes.compactMap { $0.name?.value })
            for template in runner.resource.workload?.volumeClaimTemplates ?? [] {
                if let name = template.metadata.name?.value { declared.insert(name) }
            }
            // Custom runners (an OpenKruise CloneSet, ...) may have claim templates of their own.
            if case .generic = runner.resource.body {
                for template in runner.resource.root["spec"]?["volumeClaimTemplates"]?.items ?? [] {
                    if let name = template["metadata"]?["name"].flatMap(MappingReader.string) { declared.insert(name) }
                }
            }
            for container in runner.spec.allContainers {
                for mount in container.volumeMounts {
                    guard let name = mount.name, !declared.contains(name.value) else { continue }
                    findings.append(finding(
                        "container \(container.name?.value ?? "?") mounts volume '\(name.value)', which the pod does not declare"
                            + NameSuggestion.hint(for: name.value, among: declared.sorted()),
                        at: name.mark, in: runner.resource
                    ))
                }
            }
        }
        return findings
    }
}
