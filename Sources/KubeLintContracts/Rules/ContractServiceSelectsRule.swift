import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractServiceSelectsRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-service-selects",
        severity: .error,
        category: .contracts,
        summary: "A Service does not select the workload its contract names",
        rationale: """
            A Service named `api` that selects the worker's pods keeps every built-in check \
            happy and still sends API traffic to the wrong program. `selects` names the Pod or \
            workload (`Deployment/api`) whose pods the Service's selector must select.
            """,
        remediation: "Make the Service's selector match the named workload's pod labels, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector:
                    io.kompose.service: ↓worker
                  ports:
                  - port: 8000
                """, otherFiles: ["deployments.yaml": deployments], contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: api
                    selects: Deployment/api
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector:
                    io.kompose.service: api
                  ports:
                  - port: 8000
                """, otherFiles: ["deployments.yaml": deployments], contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: api
                    selects: Deployment/api
                """),
        ]
    )

    static let deployments = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels: {io.kompose.service: api}
          template:
            metadata:
              labels: {io.kompose.service: api}
            spec:
              containers:
              - name: api
                image: api
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: worker
        spec:
          selector:
            matchLabels: {io.kompose.service: worker}
          template:
            metadata:
              labels: {io.kompose.service: worker}
            spec:
              containers:
              - name: worker
                image: worker
        """

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            guard let expected = subject.clauses.selects, case .service(let service) = subject.resource.body else { continue }
            let resource = subject.resource
            let related = [subject.contract.related(expected.mark)]
            let namespace = context.index.namespace(of: resource)
            let reference = expected.value
            guard let selector = service.selector, !selector.isEmpty else {
                findings.append(finding(
                    "\(resource.kindAndName) has no selector; \(subject.contract.title) expects it to select the pods of \(reference)",
                    at: service.specMark ?? resource.nameMark, in: resource, related: related
                ))
                continue
            }
            guard let target = context.index.object(kind: reference.kind, namespace: namespace, name: reference.name),
                  let labels = context.index.podLabelSets(of: target).first(where: { selector.isSubset(of: $0) })
                    ?? context.index.podLabelSets(of: target).first else {
                findings.append(finding(
                    "\(subject.contract.title) expects \(resource.kindAndName) to select the pods of \(reference), which is not in the tree \(context.inNamespace(namespace))",
                    at: selector.entries.first?.keyMark ?? resource.nameMark, in: resource, related: related
                ))
                continue
            }
            guard !selector.isSubset(of: labels) else { continue }
            let entry = selector.firstEntry(missingFrom: labels)
            findings.append(finding(
                "\(resource.kindAndName) does not select the pods of \(reference) (their labels: \(labels.isEmpty ? "none" : labels.inlineDescription)), as \(subject.contract.title) expects",
                at: entry?.valueMark ?? resource.nameMark, in: resource,
                related: related + [target.related("\(reference) is defined here")]
            ))
        }
        return findings
    }
}
