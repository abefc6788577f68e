import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct PVCMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodRunners.self] + referenceFacts

    package static let description = RuleDescription(
        id: "pvc-missing",
        severity: .error,
        category: .references,
        summary: "A volume names a PersistentVolumeClaim that is not in the tree",
        rationale: """
            A pod whose `persistentVolumeClaim.claimName` names no claim in its namespace stays \
            Pending forever ("persistentvolumeclaim not found"). The claims a StatefulSet makes \
            from its `volumeClaimTemplates` are not named in `volumes` and are not checked; nor \
            are the claims such a StatefulSet's pods mount in a cluster dump.
            """,
        remediation: "Add the PersistentVolumeClaim to the tree, fix `claimName`, or declare the claim under `externalObjects` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
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
                        - name: logs
                          mountPath: /var/log/nginx
                      volumes:
                      - name: logs
                        persistentVolumeClaim:
                          claimName: ↓web-logs
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: rdms
                spec:
                  containers:
                  - name: rdms
                    image: postgres
                    volumeMounts:
                    - name: data
                      mountPath: /var/lib/postgresql/data
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: rdms-pv
                """, otherFiles: ["pvc.yaml": """
                    apiVersion: v1
                    kind: PersistentVolumeClaim
                    metadata:
                      name: rdms-pv
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources:
                        requests:
                          storage: 2Gi
                    """]),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: db-0
                  ownerReferences:
                  - apiVersion: apps/v1
                    kind: StatefulSet
                    name: db
                    controller: true
                spec:
                  containers:
                  - name: db
                    image: postgres
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: data-db-0
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var hints = MissingObjectHints(kind: "PersistentVolumeClaim")
        for runner in context[PodRunners.self].all {
            let statefulSetOwners = runner.resource.metadata.ownerReferences.filter { $0.kind?.value == "StatefulSet" }.compactMap { $0.name?.value }
            for volume in runner.spec.volumes {
                guard let claim = volume.persistentVolumeClaim?.claimName else { continue }
                if context.referenceResolves(kind: "PersistentVolumeClaim", namespace: runner.namespace, name: claim.value) { continue }
                if statefulSetOwners.contains(where: { PlatformObjects.isStatefulSetClaim(claim.value, owner: $0) }) { continue }
                let hint = hints.hint(for: claim.value, namespace: runner.namespace, referrer: runner.resource, index: context.index)
                findings.append(finding(
                    "PersistentVolumeClaim \(claim.value) (volume \(volume.name?.value ?? "?")) is not in the tree \(context.inNamespace(runner.namespace))" + hint.text,
                    at: claim.mark, in: runner.resource
                ).lowered(by: hint))
            }
        }
        return findings
    }
}
