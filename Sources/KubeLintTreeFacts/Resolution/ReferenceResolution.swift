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
    /// configuration, made by Kubernetes in every namespace, or made by another object of the
    /// tree (`ProducedObjects`); or may exist, in a file that could not be read or parsed
    /// (`UnreadInputs`: the input finding is the one to fix first). An object of a
    /// cluster-scoped kind is in no namespace: it resolves from every one. A rule that asks
    /// reads `referenceFacts`.
    package func referenceResolves(kind: String, namespace: String, name: String) -> Bool {
        let namespace = index.namespace(forKind: kind, from: namespace)
        return index.object(kind: kind, namespace: namespace, name: name) != nil
            || configuration.isExternal(kind: kind, namespace: namespace, name: name)
            || PlatformObjects.existsEverywhere(kind: kind, name: name, at: configuration.kubernetesVersion)
            || self[ProducedObjects.self].contains(kind: kind, namespace: namespace, name: name)
            || self[UnreadInputs.self].file(mayDefine: kind, namespace: namespace, name: name) != nil
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

    package static let rootCertificateConfigMap = "kube-root-ca.crt"
    package static let rootCertificateConfigMapRelease = KubernetesVersion.v1(20)

    /// Pod labels that controllers add at run time: no template carries them, so a selector
    /// entry on one of these keys cannot be checked against the tree.
    static let controllerLabelKeys: Set<String> = [
        "pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name",
        "apps.kubernetes.io/pod-index", "controller-uid", "job-name",
        "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "batch.kubernetes.io/job-completion-index",
    ]

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

extension StringMap {
    /// The entries a template can carry: without labels controllers add at run time.
    package var withoutControllerLabels: StringMap {
        StringMap(entries: entries.filter { !PlatformObjects.controllerLabelKeys.contains($0.key) }, mark: mark)
    }

    /// `key: value, key: value`, for messages.
    package var inlineDescription: String {
        entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
}
