import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// The baseline level's controls.
extension PodSecurityEvaluation {
    /// Capabilities a baseline pod may add: the container runtimes' default set.
    static let defaultCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// Sysctls a baseline pod may set, by the release that allowed them.
    static let safeSysctls: [(since: Int, names: [String])] = [
        (0, ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
             "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"]),
        (27, ["net.ipv4.ip_local_reserved_ports"]),
        (29, ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
              "net.ipv4.tcp_keepalive_probes"]),
        (32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]),
        (37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]),
    ]

    func baselineViolations() -> [PodSecurityViolation] {
        var found: [PodSecurityViolation] = []
        func flag(_ control: PodSecurityControl, _ field: PodField, _ what: String) {
            found.append(PodSecurityViolation(control: control, mark: field.mark, detail: "\(field.path) \(what)"))
        }
        // HostProcess: Windows host-process containers run on the host itself.
        for field in securityContexts.map({ $0.field("windowsOptions")?.field("hostProcess") }) {
            if let field, field.bool == true { flag(.hostProcess, field, "is true") }
        }
        for key in ["hostNetwork", "hostPID", "hostIPC"] {
            if let field = pod.field(key), field.bool == true { flag(.hostNamespaces, field, "is true") }
        }
        for container in pod.containers {
            if let field = container.securityField("privileged"), field.bool == true { flag(.privileged, field, "is true") }
            for (node, path) in container.securityField("capabilities")?.field("add")?.items ?? [] {
                guard let name = MappingReader.string(node), !Self.defaultCapabilities.contains(name) else { continue }
                found.append(PodSecurityViolation(control: .capabilities, mark: node.start, detail: "\(path) adds \(name), which is not in the default set"))
            }
            for (node, path) in container.field("ports")?.items ?? [] {
                guard let hostPort = node.pair("hostPort"), case .int(let number) = hostPort.value.scalar?.resolved, number != 0 else { continue }
                found.append(PodSecurityViolation(control: .hostPorts, mark: hostPort.value.start, detail: "\(path).hostPort is \(number)"))
            }
            if let procMount = container.securityField("procMount"), let value = procMount.string, value != "Default",
               !(version >= .v1(35) && inUserNamespace) {
                flag(.procMount, procMount, "is \(value)")
            }
            if version >= .v1(34) { found += hostProbeViolations(container) }
        }
        for (node, path) in pod.field("volumes")?.items ?? [] {
            if let hostPath = node.pair("hostPath"), !hostPath.value.isNull {
                found.append(PodSecurityViolation(control: .hostPath, mark: hostPath.key.start, detail: "\(path).hostPath mounts a host directory"))
            }
        }
        found += appArmorViolations() + seLinuxViolations() + baselineSeccompViolations() + sysctlViolations()
        return found
    }

    /// Probes and lifecycle hooks that send their requests to another host (1.34 and later).
    private func hostProbeViolations(_ container: ContainerNodes) -> [PodSecurityViolation] {
        var handlers: [PodField] = ["livenessProbe", "readinessProbe", "startupProbe"].compactMap { container.field($0) }
        if let lifecycle = container.field("lifecycle") {
            handlers += ["postStart", "preStop"].compactMap { lifecycle.field($0) }
        }
        var found: [PodSecurityViolation] = []
        for handler in handlers {
            for kind in ["httpGet", "tcpSocket"] {
                guard let host = handler.field(kind)?.field("host"), let value = host.string, !value.isEmpty else { continue }
                found.append(PodSecurityViolation(control: .hostProbes, mark: host.mark, detail: "\(host.path) is \(value)"))
            }
        }
        return found
    }

    /// Security contexts of the pod and each container, with their paths.
    var securityContexts: [PodField] {
        ([pod.field("securityContext")] + pod.containers.map { $0.field("securityContext") }).compactMap { $0 }
    }

    private func appArmorViolations() -> [PodSecurityViolation] {
        var found: [PodSecurityViolation] = []
        for context in securityContexts {
            guard let type = context.field("appArmorProfile")?.field("type"), let value = type.string,
                  value != "RuntimeDefault", value != "Localhost" else { continue }
            found.append(PodSecurityViolation(control: .appArmor, mark: type.mark, detail: "\(type.path) is \(value)"))
        }
        let prefix = "container.apparmor.security.beta.kubernetes.io/"
        for pair in pod.metadata?["annotations"]?.pairs ?? [] {
            guard let key = pair.key.scalar?.text, key.hasPrefix(prefix), let value = MappingReader.string(pair.value),
                  !value.isEmpty, value != "runtime/default", !value.hasPrefix("localhost/") else { continue }
            found.append(PodSecurityViolation(control: .appArmor, mark: pair.value.start, detail: "annotation \(key) is \(value)"))
        }
        return found
    }

    private func seLinuxViolations() -> [PodSecurityViolation] {
        var allowedTypes: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
        if version >= .v1(31) { allowedTypes.insert("container_engine_t") }
        var found: [PodSecurityViolation] = []
        for context in securityContexts {
            guard let options = context.field("seLinuxOptions") else { continue }
            if let type = options.field("type"), let value = type.string, !allowedTypes.contains(value) {
                found.append(PodSecurityViolation(control: .seLinux, mark: type.mark, detail: "\(type.path) is \(value)"))
            }
            for key in ["user", "role"] {
                if let field = options.field(key), let value = field.string, !value.isEmpty {
                    found.append(PodSecurityViolation(control: .seLinux, mark: field.mark, detail: "\(field.path) is set"))
                }
            }
        }
        return found
    }

    /// Before 1.19 seccomp profiles were annotations; from 1.19 the `seccompProfile` field.
    private func baselineSeccompViolations() -> [PodSecurityViolation] {
        guard version >= .v1(19) else {
            var found: [PodSecurityViolation] = []
            for pair in pod.metadata?["annotations"]?.pairs ?? [] {
                guard let key = pair.key.scalar?.text,
                      key == "seccomp.security.alpha.kubernetes.io/pod" || key.hasPrefix("container.seccomp.security.alpha.kubernetes.io/"),
                      let value = MappingReader.string(pair.value),
                      value != "runtime/default", value != "docker/default", !value.hasPrefix("localhost/") else { continue }
                found.append(PodSecurityViolation(control: .seccomp, mark: pair.value.start, detail: "annotation \(key) is \(value)"))
            }
            return found
        }
        return securityContexts.compactMap { context in
            guard let type = context.field("seccompProfile")?.field("type"), let value = type.string,
                  value != "RuntimeDefault", value != "Localhost" else { return nil }
            return PodSecurityViolation(control: .seccomp, mark: type.mark, detail: "\(type.path) is \(value)")
        }
    }

    private func sysctlViolations() -> [PodSecurityViolation] {
        let allowed = Set(Self.safeSysctls.filter { version >= .v1($0.since) }.flatMap(\.names))
        var found: [PodSecurityViolation] = []
        for (node, path) in pod.field("securityContext")?.field("sysctls")?.items ?? [] {
            guard let name = node["name"].flatMap(MappingReader.string), !allowed.contains(name) else { continue }
            found.append(PodSecurityViolation(control: .sysctls, mark: node["name"]?.start ?? node.start, detail: "\(path) sets \(name), which is not a safe sysctl"))
        }
        return found
    }
}
