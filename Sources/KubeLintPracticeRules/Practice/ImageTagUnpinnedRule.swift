import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ImageTagUnpinnedRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "image-tag-unpinned",
        severity: .warning,
        category: .practice,
        summary: "A container image has no tag, or the tag latest",
        rationale: """
            An image without a tag is `:latest`, and `latest` names whatever was pushed last: \
            two pods of one Deployment can run different code, a node that pulls again gets a \
            new version nobody deployed, and rolling back means nothing because the old \
            manifest names the same moving tag. A version tag, or better a digest \
            (`@sha256:...`), names one image.
            """,
        remediation: "Name a version (`nginx:1.27.1`) or a digest (`nginx@sha256:...`).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: ↓gcr.io/shop/web:latest
                  - name: proxy
                    image: ↓registry.example.com:5000/envoy
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
                    image: gcr.io/shop/web:2.4.1
                  - name: proxy
                    image: registry.example.com:5000/envoy@sha256:4b1f6e4bb0b7cd8a3c3ef1e4b8a02d2e0f1c3a5d6e7f8091a2b3c4d5e6f70819
                """),
        ],
        equivalents: ["kube-linter:latest-tag", "kube-score:container-image-tag"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        return spec.allContainers.compactMap { container in
            guard let image = container.image, !image.value.isEmpty, let problem = Self.problem(with: image.value) else { return nil }
            return finding(
                "container \(ContainerWords.name(container)) runs \(image.value), \(problem); each node may pull a different image",
                at: image.mark, in: resource
            )
        }
    }

    /// Why the reference names no fixed image, or nil when it does.
    static func problem(with image: String) -> String? {
        let bytes = image.utf8
        if bytes.contains(UInt8(ascii: "@")) { return nil }
        // The tag follows the last colon after the last slash (a registry may have a port).
        let lastPart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        guard let colon = lastPart.lastIndex(of: UInt8(ascii: ":")) else { return "which has no tag (so it is latest)" }
        return lastPart[lastPart.index(after: colon)...].elementsEqual("latest".utf8) ? "whose tag latest moves with every push" : nil
    }
}
