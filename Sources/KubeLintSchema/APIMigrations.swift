import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// What else must change in a manifest when it moves from one apiVersion of a kind to another:
/// the "notable changes" of the Kubernetes deprecated API migration guide
/// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), written by hand.
package enum APIMigrations {
    struct Migration: Sendable {
        var kind: String
        /// apiVersions a manifest moves from.
        var from: Set<String>
        /// apiVersions it moves to; the notes apply to any move from `from` into one of them.
        var to: Set<String>
        /// The notes; `resource` lets a note depend on what the manifest holds.
        var notes: @Sendable (Resource) -> String
    }

    /// The notes for moving `resource` from `from` to `to` (same kind unless `kind` says), if any.
    package static func notes(kind: String, from: String, to: String, resource: Resource) -> String? {
        let matching = all.filter { $0.kind == kind && $0.from.contains(from) && $0.to.contains(to) }
        let texts = matching.map { $0.notes(resource) }.filter { !$0.isEmpty }
        return texts.isEmpty ? nil : texts.joined(separator: "; ")
    }

    private static let selectorRequired =
        "`spec.selector` is required (use the template's labels) and immutable after creation"
    private static let webhooks =
        "`webhooks[*].sideEffects` and `webhooks[*].admissionReviewVersions` are required, and defaults changed"
    private static let hpaMetrics =
        "`targetAverageUtilization` becomes `target.averageUtilization` with `target.type: Utilization`"

    /// An Ingress's new backend form, and `pathType` only where the Ingress has paths.
    private static func ingressNotes(_ resource: Resource) -> String {
        var text = """
            rename `spec.backend` to `spec.defaultBackend`, each backend's `serviceName` to \
            `service.name` and `servicePort` to `service.port.number` (or `service.port.name` for a \
            named port)
            """
        if hasIngressPaths(resource) {
            text += ", and set `pathType` (Prefix, Exact or ImplementationSpecific) on every path"
        }
        return text
    }

    private static func hasIngressPaths(_ resource: Resource) -> Bool {
        guard let rules = resource.root.pair("spec")?.value.pair("rules")?.value, case .sequence(let items) = rules.content else { return false }
        return items.contains { rule in
            guard let paths = rule.pair("http")?.value.pair("paths")?.value, case .sequence(let list) = paths.content else { return false }
            return !list.isEmpty
        }
    }

    static let all: [Migration] = [
        Migration(kind: "Deployment", from: ["extensions/v1beta1", "apps/v1beta1"], to: ["apps/v1"]) { _ in
            selectorRequired + "; `spec.rollbackTo` is gone"
        },
        Migration(kind: "Deployment", from: ["apps/v1beta2"], to: ["apps/v1"]) { _ in selectorRequired },
        Migration(kind: "DaemonSet", from: ["extensions/v1beta1"], to: ["apps/v1"]) { _ in
            selectorRequired + "; `spec.templateGeneration` is gone"
        },
        Migration(kind: "DaemonSet", from: ["apps/v1beta2"], to: ["apps/v1"]) { _ in selectorRequired },
        Migration(kind: "ReplicaSet", from: ["extensions/v1beta1", "apps/v1beta2"], to: ["apps/v1"]) { _ in selectorRequired },
        Migration(kind: "StatefulSet", from: ["apps/v1beta1", "apps/v1beta2"], to: ["apps/v1"]) { _ in selectorRequired },
        Migration(kind: "Ingress", from: ["extensions/v1beta1", "networking.k8s.io/v1beta1"], to: ["networking.k8s.io/v1"], notes: ingressNotes),
        Migration(kind: "MutatingWebhookConfiguration", from: ["admissionregistration.k8s.io/v1beta1"],
                  to: ["admissionregistration.k8s.io/v1"]) { _ in webhooks },
        Migration(kind: "ValidatingWebhookConfiguration", from: ["admissionregistration.k8s.io/v1beta1"],
                  to: ["admissionregistration.k8s.io/v1"]) { _ in webhooks },
        Migration(kind: "CustomResourceDefinition", from: ["apiextensions.k8s.io/v1beta1"], to: ["apiextensions.k8s.io/v1"]) { _ in
            """
            `spec.scope` is required; `spec.version`, `spec.validation`, `spec.subresources` and \
            `spec.additionalPrinterColumns` move into each `spec.versions[*]` (schema under \
            `schema.openAPIV3Schema`, which is required and must be structural)
            """
        },
        Migration(kind: "SubjectAccessReview", from: ["authorization.k8s.io/v1beta1"], to: ["authorization.k8s.io/v1"]) { _ in
            "`spec.group` is renamed to `spec.groups`"
        },
        Migration(kind: "LocalSubjectAccessReview", from: ["authorization.k8s.io/v1beta1"], to: ["authorization.k8s.io/v1"]) { _ in
            "`spec.group` is renamed to `spec.groups`"
        },
        Migration(kind: "CertificateSigningRequest", from: ["certificates.k8s.io/v1beta1"], to: ["certificates.k8s.io/v1"]) { _ in
            "`spec.signerName` and `spec.usages` are required"
        },
        Migration(kind: "EndpointSlice", from: ["discovery.k8s.io/v1beta1"], to: ["discovery.k8s.io/v1"]) { _ in
            "`topology` is replaced by per-endpoint `nodeName` and `zone`"
        },
        Migration(kind: "Event", from: ["events.k8s.io/v1beta1"], to: ["events.k8s.io/v1"]) { _ in
            "`involvedObject` is renamed to `regarding`; `action`, `reason`, `reportingController` and `reportingInstance` are required"
        },
        Migration(kind: "HorizontalPodAutoscaler", from: ["autoscaling/v2beta1"], to: ["autoscaling/v2beta2", "autoscaling/v2"]) { _ in
            hpaMetrics
        },
        Migration(kind: "PodDisruptionBudget", from: ["policy/v1beta1"], to: ["policy/v1"]) { _ in
            "an empty `spec.selector` (`{}`) now selects every pod in the namespace"
        },
        Migration(kind: "PriorityLevelConfiguration",
                  from: ["flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2"],
                  to: ["flowcontrol.apiserver.k8s.io/v1beta3", "flowcontrol.apiserver.k8s.io/v1"]) { _ in
            "`spec.limited.assuredConcurrencyShares` is renamed to `spec.limited.nominalConcurrencyShares`"
        },
        Migration(kind: "Endpoints", from: ["v1"], to: ["discovery.k8s.io/v1"]) { _ in
            "write EndpointSlice objects (label `kubernetes.io/service-name`) for Services without a selector"
        },
    ]

    /// Kinds whose API is gone with no replacement, and what to do instead.
    package static let withoutReplacement: [String: String] = [
        "PodSecurityPolicy": "there is no replacement API: use Pod Security Admission (namespace labels) or an admission webhook",
    ]
}
