import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A Pod or workload with the pod spec it runs and the namespace its pods land in.
package struct PodRunner {
    package var resource: Resource
    package var spec: PodSpec
    package var namespace: String
}

/// Every Pod and workload with a pod spec, in tree order.
package final class PodRunners: Fact {
    package let all: [PodRunner]

    init(all: [PodRunner]) {
        self.all = all
    }

    /// One linear pass over the index.
    package static func derive(from context: LintContext) -> PodRunners {
        let index = context.index
        return PodRunners(all: index.resources.compactMap { resource in
            guard let spec = resource.podTemplate?.spec else { return nil }
            return PodRunner(resource: resource, spec: spec, namespace: index.namespace(of: resource))
        })
    }
}

/// The facts a rule reads to resolve references (`referenceResolves`).
package let referenceFacts: [any Fact.Type] = [ProducedObjects.self, UnreadInputs.self]

extension LintContext {
    /// Whether an object that a manifest names exists: in the tree, declared external in the
    /// configuration, made by Kubernetes (`TreeResolver`, as the reference graph resolves its
    /// edges), or made by another object of the
    /// tree (`ProducedObjects`); or may exist, in a file that could not be read or parsed
    /// (`UnreadInputs`: the input finding is the one to fix first). An object of a
    /// cluster-scoped kind is in no namespace: it resolves from every one. A rule that asks
    /// reads `referenceFacts`.
    package func referenceResolves(kind: String, namespace: String, name: String) -> Bool {
        let namespace = index.namespace(forKind: kind, from: namespace)
        return index.object(kind: kind, namespace: namespace, name: name) != nil
            || TreeResolver.resolution(kind: kind, namespace: namespace, name: name, referrer: nil, in: self).resolves
    }

    /// The Service of that name in `namespace` with its decoded spec, when the tree has it (the
    /// backends of an Ingress name Services and their ports).
    package func service(named name: String, namespace: String) -> (object: Resource, spec: Service)? {
        guard let object = index.object(kind: "Service", namespace: namespace, name: name),
              case .service(let service) = object.body else { return nil }
        return (object, service)
    }

    /// A sentence fragment naming the namespace, for messages.
    package func inNamespace(_ namespace: String) -> String {
        "in namespace '\(namespace)'"
    }
}

/// What Kubernetes itself provides, so that references to it are never reported.
package enum PlatformObjects {
    /// Made in every namespace by a cluster at `target`: the `default` ServiceAccount, and from
    /// Kubernetes 1.20 the `kube-root-ca.crt` ConfigMap that every pod's API-access volume
    /// projects (published by default since the RootCAConfigMap feature's beta, 1.20; before,
    /// only where an alpha feature gate was turned on, so at older targets it resolves like any
    /// other ConfigMap).
    static func existsEverywhere(kind: String, name: String, at target: KubernetesVersion) -> Bool {
        (kind == "ServiceAccount" && name == "default")
            || (kind == "ConfigMap" && name == rootCertificateConfigMap && target >= rootCertificateConfigMapRelease)
    }

    /// Made in every namespace, or in this one: also the `kubernetes` Service of `default`,
    /// through which pods reach the API server (`kubernetes.default.svc`).
    static func exists(kind: String, namespace: String, name: String, at target: KubernetesVersion) -> Bool {
        existsEverywhere(kind: kind, name: name, at: target) || (kind == "Service" && namespace == "default" && name == "kubernetes")
    }

    /// A StatefulSet names the claims it makes `<template>-<statefulset>-<ordinal>`.
    package static func isStatefulSetClaim(_ claim: String, owner: String) -> Bool {
        let ordinal = claim.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !ordinal.isEmpty else { return false }
        let rest = claim.dropLast(ordinal.count)
        let marker = "-\(owner)-"
        return rest.hasSuffix(marker) && rest.count > marker.count
    }

    package static let rootCertificateConfigMap = "kube-root-ca.crt"
    package static let rootCertificateConfigMapRelease = KubernetesVersion.v1(20)

    /// The keys Kubernetes writes into a Secret after it is created: the token controller fills
    /// a `kubernetes.io/service-account-token` Secret (the long-lived token of the account its
    /// `kubernetes.io/service-account.name` annotation names) with `token`, `ca.crt` and
    /// `namespace`, so manifests leave its data empty.
    package static func keysFilledByController(_ secret: Secret) -> [String] {
        secret.type?.value == "kubernetes.io/service-account-token" ? ["token", "ca.crt", "namespace"] : []
    }

    /// A token Secret that the ServiceAccount controller made for `serviceAccount` before
    /// Kubernetes 1.24 (`<account>-token-<5 characters>`), as pods dumped from such clusters mount.
    package static func isServiceAccountToken(_ secretName: String, serviceAccount: String) -> Bool {
        let prefix = serviceAccount + "-token-"
        guard secretName.hasPrefix(prefix) else { return false }
        let suffix = secretName.dropFirst(prefix.count)
        return suffix.count == 5 && suffix.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}

/// How references to objects the tree does not write out resolve, for the rules
/// (`LintContext.referenceResolves`) and the reference graph alike: declared external, made by
/// Kubernetes, made by another object of the tree, or possibly in a file that was not read.
struct TreeResolver: ReferenceResolver {
    let configuration: LintConfiguration
    let producedObjects: ProducedObjects
    let unreadInputs: UnreadInputs

    func resolveElsewhere(kind: String, namespace: String, name: String, referrer: Resource?) -> ReferenceGraph.Resolution {
        Self.resolution(kind: kind, namespace: namespace, name: name, referrer: referrer, configuration: configuration,
                        producedObjects: producedObjects, unreadInputs: unreadInputs)
    }

    func podsMayRunElsewhere(in namespace: String, matching selector: StringMap) -> Bool {
        configuration.externalPodsExist(in: namespace, where: { selector.isSubset(of: $0) })
            || unreadInputs.file(mayRunPodsIn: namespace) != nil
    }

    /// `resolveElsewhere` with the facts of `context`.
    static func resolution(kind: String, namespace: String, name: String, referrer: Resource?, in context: LintContext) -> ReferenceGraph.Resolution {
        resolution(kind: kind, namespace: namespace, name: name, referrer: referrer, configuration: context.configuration,
                   producedObjects: context[ProducedObjects.self], unreadInputs: context[UnreadInputs.self])
    }

    static func resolution(
        kind: String, namespace: String, name: String, referrer: Resource?,
        configuration: LintConfiguration, producedObjects: ProducedObjects, unreadInputs: UnreadInputs
    ) -> ReferenceGraph.Resolution {
        if configuration.isExternal(kind: kind, namespace: namespace, name: name) { return .external }
        if PlatformObjects.exists(kind: kind, namespace: namespace, name: name, at: configuration.kubernetesVersion) { return .platform }
        if let spec = referrer?.podTemplate?.spec {
            // A pod's own ServiceAccount token (clusters before 1.24 made one per account).
            if kind == "Secret", PlatformObjects.isServiceAccountToken(name, serviceAccount: spec.effectiveServiceAccount?.value ?? "default") {
                return .platform
            }
            // The claims a StatefulSet makes from its templates, mounted by its pods in a dump.
            if kind == "PersistentVolumeClaim", let referrer, isStatefulSetClaim(name, of: referrer) { return .produced }
        }
        if producedObjects.contains(kind: kind, namespace: namespace, name: name) { return .produced }
        if unreadInputs.file(mayDefine: kind, namespace: namespace, name: name) != nil { return .unread }
        return .missing
    }

    /// Whether `claim` is one a StatefulSet owning `pod` made.
    static func isStatefulSetClaim(_ claim: String, of pod: Resource) -> Bool {
        pod.metadata.ownerReferences.contains { owner in
            guard owner.kind?.value == "StatefulSet", let name = owner.name?.value else { return false }
            return PlatformObjects.isStatefulSetClaim(claim, owner: name)
        }
    }
}

/// Every reference between the tree's objects, resolved once (`ReferenceGraph`, resolved by
/// `TreeResolver`): `host-reference-unresolved` reads its edges, `kubelint plan` and
/// `kubelint graph` show them.
package final class ReferenceGraphFact: Fact {
    package let graph: ReferenceGraph

    init(graph: ReferenceGraph) {
        self.graph = graph
    }

    package static var dependencies: [any Fact.Type] { [ProducedObjects.self, UnreadInputs.self] }

    package static func derive(from context: LintContext) -> ReferenceGraphFact {
        let resolver = TreeResolver(
            configuration: context.configuration, producedObjects: context[ProducedObjects.self], unreadInputs: context[UnreadInputs.self]
        )
        return ReferenceGraphFact(graph: ReferenceGraph(index: context.index, resolver: resolver, parallel: context.parallel))
    }
}
