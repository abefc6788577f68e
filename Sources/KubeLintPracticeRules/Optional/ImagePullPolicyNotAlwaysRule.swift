import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ImagePullPolicyNotAlwaysRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "image-pull-policy-not-always",
        severity: .info,
        category: .optional,
        summary: "A container may start from an image already on the node without pulling it",
        rationale: """
            With `IfNotPresent` (the default for a tagged image) a node reuses an image it \
            already has: a pod then starts without the registry checking its pull secret, so \
            it may run an image its namespace is not allowed to pull, and a tag pushed again \
            is not picked up. `Always` asks the registry each time (only the layers that \
            changed are downloaded). Teams that pin digests and want pods to start while the \
            registry is down prefer `IfNotPresent`; this rule is for the others.
            """,
        remediation: "Set `imagePullPolicy: Always`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: ↓web
                    image: nginx:1.27
                  - name: agent
                    image: agent:1.0
                    imagePullPolicy: ↓IfNotPresent
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: Always
                  - name: agent
                    image: agent
                """),
        ],
        equivalents: ["kube-score:container-image-pull-policy"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        return spec.allContainers.compactMap { container in
            let written = container.imagePullPolicy.unlessEmpty
            // Left out, an untagged or `latest` image is pulled Always by default.
            if written == nil, let image = container.image?.value, ImageTagUnpinnedRule.problem(with: image) != nil { return nil }
            guard written?.value != "Always" else { return nil }
            let policy = written?.value ?? "IfNotPresent (the default for a tagged image)"
            return finding(
                "container \(ContainerWords.name(container)) pulls its image with \(policy): a node that has it starts it without asking the registry",
                at: written?.mark ?? container.nameMark, in: resource
            )
        }
    }
}
