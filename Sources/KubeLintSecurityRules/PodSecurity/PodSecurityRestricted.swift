import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// The restricted level's own controls (it applies the baseline's as well).
extension PodSecurityEvaluation {
    /// Inline volume sources a restricted pod may use.
    static let restrictedVolumeSources: Set<String> = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    ]

    func restrictedViolations() -> [PodSecurityViolation] {
        var found = volumeTypeViolations()
        let linuxOnly = !(version >= .v1(25) && isWindows)
        let relaxedForUserNamespace = version >= .v1(35) && inUserNamespace
        let podNonRoot = pod.field("securityContext")?.field("runAsNonRoot")
        let podSeccomp = pod.field("securityContext")?.field("seccompProfile")?.field("type")
        if let podNonRoot, podNonRoot.bool == false, !relaxedForUserNamespace {
            found.append(PodSecurityViolation(control: .runAsNonRoot, mark: podNonRoot.mark, detail: "\(podNonRoot.path) is false"))
        }
        if version >= .v1(23), !relaxedForUserNamespace, let user = pod.field("securityContext")?.field("runAsUser"), user.int == 0 {
            found.append(PodSecurityViolation(control: .runAsUser, mark: user.mark, detail: "\(user.path) is 0 (root)"))
        }
        for container in pod.containers {
            if linuxOnly {
                let escalation = container.securityField("allowPrivilegeEscalation")
                if escalation?.bool != false {
                    found.append(PodSecurityViolation(
                        control: .privilegeEscalation, mark: escalation?.mark ?? container.securityMark,
                        detail: escalation.map { "\($0.path) is not false" }
                            ?? "\(container.label) does not set securityContext.allowPrivilegeEscalation: false"
                    ))
                }
            }
            if !relaxedForUserNamespace {
                if let own = container.securityField("runAsNonRoot") {
                    if own.bool == false {
                        found.append(PodSecurityViolation(control: .runAsNonRoot, mark: own.mark, detail: "\(own.path) is false"))
                    }
                } else if podNonRoot?.bool == nil {
                    // (A pod-level false is reported once, at the pod.)
                    found.append(PodSecurityViolation(
                        control: .runAsNonRoot, mark: container.securityMark,
                        detail: "\(container.label) does not set securityContext.runAsNonRoot: true, nor does the pod"
                    ))
                }
                if version >= .v1(23), let user = container.securityField("runAsUser"), user.int == 0 {
                    found.append(PodSecurityViolation(control: .runAsUser, mark: user.mark, detail: "\(user.path) is 0 (root)"))
                }
            }
            if version >= .v1(19), linuxOnly { found += seccompViolations(container, podType: podSeccomp) }
            if version >= .v1(22), linuxOnly { found += capabilityViolations(container) }
            if version >= .v1(35), let procMount = container.securityField("procMount"), let value = procMount.string, value != "Default" {
                found.append(PodSecurityViolation(control: .restrictedProcMount, mark: procMount.mark, detail: "\(procMount.path) is \(value)"))
            }
        }
        if version >= .v1(19), linuxOnly, let podSeccomp, let value = podSeccomp.string, value != "RuntimeDefault", value != "Localhost" {
            found.append(PodSecurityViolation(control: .restrictedSeccomp, mark: podSeccomp.mark, detail: "\(podSeccomp.path) is \(value)"))
        }
        return found
    }

    private func volumeTypeViolations() -> [PodSecurityViolation] {
        var found: [PodSecurityViolation] = []
        for (node, path) in pod.field("volumes")?.items ?? [] {
            guard let source = node.pairs?.first(where: { pair in
                guard let key = pair.key.scalar?.text, key != "name", !pair.value.isNull else { return false }
                return !Self.restrictedVolumeSources.contains(key)
            }), let key = source.key.scalar?.text else { continue }
            found.append(PodSecurityViolation(control: .volumeTypes, mark: source.key.start, detail: "\(path).\(key) is not an allowed volume type"))
        }
        return found
    }

    /// The container's own profile, else the pod's, must be RuntimeDefault or Localhost.
    private func seccompViolations(_ container: ContainerNodes, podType: PodField?) -> [PodSecurityViolation] {
        if let type = container.securityField("seccompProfile")?.field("type") {
            guard let value = type.string, value != "RuntimeDefault", value != "Localhost" else { return [] }
            return [PodSecurityViolation(control: .restrictedSeccomp, mark: type.mark, detail: "\(type.path) is \(value)")]
        }
        if let value = podType?.string, value == "RuntimeDefault" || value == "Localhost" { return [] }
        // A container left to a pod profile that is itself wrong: the pod-level finding says it.
        guard podType == nil else { return [] }
        return [PodSecurityViolation(
            control: .restrictedSeccomp, mark: container.securityMark,
            detail: "\(container.label) does not set securityContext.seccompProfile.type (RuntimeDefault or Localhost), nor does the pod"
        )]
    }

    /// Containers must drop ALL and may add NET_BIND_SERVICE only.
    private func capabilityViolations(_ container: ContainerNodes) -> [PodSecurityViolation] {
        var found: [PodSecurityViolation] = []
        let capabilities = container.securityField("capabilities")
        let drop = capabilities?.field("drop")
        if !(drop?.items.contains { MappingReader.string($0.node) == "ALL" } ?? false) {
            found.append(PodSecurityViolation(
                control: .restrictedCapabilities, mark: drop?.keyMark ?? capabilities?.keyMark ?? container.securityMark,
                detail: "\(container.label) does not drop ALL capabilities (securityContext.capabilities.drop: [ALL])"
            ))
        }
        for (node, path) in capabilities?.field("add")?.items ?? [] {
            guard let name = MappingReader.string(node), name != "NET_BIND_SERVICE" else { continue }
            found.append(PodSecurityViolation(control: .restrictedCapabilities, mark: node.start, detail: "\(path) adds \(name) (only NET_BIND_SERVICE may be added)"))
        }
        return found
    }
}
