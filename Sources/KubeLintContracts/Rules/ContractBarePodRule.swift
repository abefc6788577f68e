import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractBarePodRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-bare-pod",
        severity: .error,
        category: .contracts,
        summary: "A Pod the contract says is bare is run or selected by a controller",
        rationale: """
            The staging guide insists that exactly one rdms pod ever runs, as a bare Pod: "there \
            is no deployment required for this pod since we do not wish for the kubelet to \
            maintain any number of RDMS pods", because a second one would corrupt the database \
            files. `bare: true` holds a Pod to that: no owner reference, no Deployment, \
            StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob with its \
            name, and no such controller whose selector selects its labels (a ReplicaSet adopts \
            matching bare pods).
            """,
        remediation: "Remove the controller (or its matching selector), so that the Pod stays the only object that runs it.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: rdms
                  labels:
                    io.kompose.service: rdms
                spec:
                  containers:
                  - name: rdms
                    image: postgres:11.5
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓rdms
                spec:
                  selector:
                    matchLabels:
                      io.kompose.service: rdms
                  template:
                    metadata:
                      labels:
                        io.kompose.service: rdms
                    spec:
                      containers:
                      - name: rdms
                        image: postgres:11.5
                ---
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: database
                spec:
                  selector:
                    ↓matchLabels:
                      io.kompose.service: rdms
                  template:
                    metadata:
                      labels:
                        io.kompose.service: rdms
                    spec:
                      containers:
                      - name: rdms
                        image: postgres:11.5
                """, contract: """
                contract: staging
                expect:
                - kind: Pod
                  objects:
                  - name: rdms
                    bare: true
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: rdms
                  labels:
                    io.kompose.service: rdms
                spec:
                  containers:
                  - name: rdms
                    image: postgres:11.5
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: rdms
                spec:
                  selector:
                    io.kompose.service: rdms
                  ports:
                  - port: 5432
                """, contract: """
                contract: staging
                expect:
                - kind: Pod
                  objects:
                  - name: rdms
                    bare: true
                """),
        ]
    )

    /// The kinds that run pods for a Pod of the same name or of labels they select.
    static let controllerKinds = Workload.Kind.allCases.map(\.rawValue)

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            guard let bare = subject.clauses.bare, case .pod = subject.resource.body, let name = subject.resource.name else { continue }
            let pod = subject.resource
            let namespace = context.index.namespace(of: pod)
            let related = [subject.contract.related(bare.mark), pod.related("the bare Pod \(name)")]
            if let owners = pod.root["metadata"]?.pair("ownerReferences"), !pod.metadata.ownerReferences.isEmpty {
                let kinds = pod.metadata.ownerReferences.map { "\($0.kind?.value ?? "?") \($0.name?.value ?? "?")" }.joined(separator: ", ")
                findings.append(finding(
                    "Pod \(name) is owned by \(kinds); \(subject.contract.title) says it is a bare Pod",
                    at: owners.key.start, in: pod, related: [subject.contract.related(bare.mark)]
                ))
            }
            var reported: Set<String> = []
            for kind in Self.controllerKinds {
                for controller in context.index.objects(kind: kind, namespace: namespace, name: name) {
                    reported.insert("\(kind)/\(name)")
                    findings.append(finding(
                        "\(controller.kindAndName) also runs pods for \(name); \(subject.contract.title) says Pod \(name) is bare, the only object that runs it",
                        at: controller.nameMark, in: controller, related: related
                    ))
                }
            }
            for controller in context.index.objectsSelecting(pod.metadata.labels, namespace: namespace) {
                guard let kind = controller.kind?.value, Self.controllerKinds.contains(kind),
                      !reported.contains("\(kind)/\(controller.name ?? "")") else { continue }
                findings.append(finding(
                    "the selector of \(controller.kindAndName) selects the labels of Pod \(name), which \(subject.contract.title) says is bare",
                    at: controller.podSelector?.mark ?? controller.nameMark, in: controller, related: related
                ))
            }
        }
        return findings
    }
}
