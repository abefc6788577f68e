import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// A control of the Pod Security Standards, named as the standards name it.
struct PodSecurityControl: Hashable {
    var name: String
    /// The level that introduces it: a baseline control applies at restricted too.
    var level: PodSecurityLevel

    static let hostProcess = PodSecurityControl(name: "HostProcess", level: .baseline)
    static let hostNamespaces = PodSecurityControl(name: "Host Namespaces", level: .baseline)
    static let privileged = PodSecurityControl(name: "Privileged Containers", level: .baseline)
    static let capabilities = PodSecurityControl(name: "Capabilities", level: .baseline)
    static let hostPath = PodSecurityControl(name: "HostPath Volumes", level: .baseline)
    static let hostPorts = PodSecurityControl(name: "Host Ports", level: .baseline)
    static let hostProbes = PodSecurityControl(name: "Host Probes / Lifecycle Hooks", level: .baseline)
    static let appArmor = PodSecurityControl(name: "AppArmor", level: .baseline)
    static let seLinux = PodSecurityControl(name: "SELinux", level: .baseline)
    static let procMount = PodSecurityControl(name: "/proc Mount Type", level: .baseline)
    static let seccomp = PodSecurityControl(name: "Seccomp", level: .baseline)
    static let sysctls = PodSecurityControl(name: "Sysctls", level: .baseline)
    static let volumeTypes = PodSecurityControl(name: "Volume Types", level: .restricted)
    static let privilegeEscalation = PodSecurityControl(name: "Privilege Escalation", level: .restricted)
    static let runAsNonRoot = PodSecurityControl(name: "Running as Non-root", level: .restricted)
    static let runAsUser = PodSecurityControl(name: "Running as Non-root user", level: .restricted)
    static let restrictedSeccomp = PodSecurityControl(name: "Seccomp", level: .restricted)
    static let restrictedCapabilities = PodSecurityControl(name: "Capabilities", level: .restricted)
    static let restrictedProcMount = PodSecurityControl(name: "/proc Mount Type", level: .restricted)
}

/// One field of a pod that breaks a control: where, and what is wrong with it.
struct PodSecurityViolation {
    var control: PodSecurityControl
    var mark: Mark
    /// What the pod does, starting with the field's path
    /// (`spec.containers[0].securityContext.privileged is true`).
    var detail: String
}

/// The Pod Security Standards applied to one pod spec, as the API server's admission applies
/// them for a level and a version of the standards (k8s.io/pod-security-admission): every
/// container (init and ephemeral ones too), each control at the version it changed.
struct PodSecurityEvaluation {
    var pod: PodSpecNodes
    var version: KubernetesVersion

    /// The violations of `level`: its own controls and, for restricted, the baseline's, with the
    /// restricted form of a control replacing the baseline's where the standards say so.
    func violations(of level: PodSecurityLevel) -> [PodSecurityViolation] {
        var found = baselineViolations()
        guard level == .restricted else { return found }
        let restricted = restrictedViolations()
        // Restricted controls that replace a baseline one at this version (capabilities from
        // 1.22, seccomp from 1.19, volume types always for hostPath, /proc mount from 1.35).
        var replaced: Set<String> = [PodSecurityControl.hostPath.name]
        if version >= .v1(22) { replaced.insert(PodSecurityControl.capabilities.name) }
        if version >= .v1(19) { replaced.insert(PodSecurityControl.seccomp.name) }
        if version >= .v1(35) { replaced.insert(PodSecurityControl.procMount.name) }
        found.removeAll { $0.control.level == .baseline && replaced.contains($0.control.name) }
        return found + restricted
    }

    /// `hostUsers: false`: the pod runs in a user namespace, which relaxes some controls from 1.35.
    var inUserNamespace: Bool { pod.field("hostUsers")?.bool == false }

    /// `os.name: windows`: exempt from the Linux-only restricted controls from 1.25.
    var isWindows: Bool { pod.field("os")?.field("name")?.string == "windows" }
}
