import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintSecurityRules
@testable import KubeLintPracticeRules
@testable import KubeLintDriver

/// Pod Security admission predicted: the controls of each level at the version of the
/// standards the namespace pins (never newer than the target release).
@Suite("Pod Security admission")
struct PodSecurityTests {
    static func namespace(_ labels: [String: String]) -> String {
        let lines = labels.sorted { $0.key < $1.key }.map { "    pod-security.kubernetes.io/\($0.key): \"\($0.value)\"" }
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// `detail [control]` of each finding of `ruleID`.
    static func violations(
        _ ruleID: String = "pod-security-enforce", pod: String, labels: [String: String], version: KubernetesVersion
    ) -> [String] {
        findings(of: ruleID, in: ["ns.yaml": namespace(labels), "pod.yaml": pod], version: version).map { finding in
            let message = finding.message
            let detail = message.components(separatedBy: ": forbidden by").first?.components(separatedBy: ": breaks").first ?? message
            let control = message.components(separatedBy: "(control \"").dropFirst().first?.components(separatedBy: "\")").first ?? "?"
            return "\(detail) [\(control)]"
        }
    }

    static let rootPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
          - name: web
            image: web:1.0
            securityContext:
              runAsNonRoot: true
              runAsUser: 0
              allowPrivilegeEscalation: false
              capabilities:
                add: [SYS_ADMIN]
        """

    @Test func restrictedAsItStoodAt118() {
        // No seccomp or capability-drop requirement yet, runAsUser 0 allowed: only the baseline's
        // capability control applies to SYS_ADMIN.
        #expect(Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted", "enforce-version": "v1.18"], version: .v1(29)) == [
            "spec.containers[0].securityContext.capabilities.add[0] adds SYS_ADMIN, which is not in the default set [Capabilities]",
        ])
    }

    @Test func restrictedFrom125() {
        #expect(Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted", "enforce-version": "v1.25"], version: .v1(29)) == [
            "container 'web' does not set securityContext.seccompProfile.type (RuntimeDefault or Localhost), nor does the pod [Seccomp]",
            "spec.containers[0].securityContext.runAsUser is 0 (root) [Running as Non-root user]",
            "container 'web' does not drop ALL capabilities (securityContext.capabilities.drop: [ALL]) [Capabilities]",
            "spec.containers[0].securityContext.capabilities.add[0] adds SYS_ADMIN (only NET_BIND_SERVICE may be added) [Capabilities]",
        ])
    }

    @Test func theNamespacesVersionNeverExceedsTheCluster() {
        // Pinned to v1.30 on a 1.22 policy engine... the cluster judges by its own release: at
        // 1.24 the standards of 1.24 apply, whatever the label says.
        let pinned = Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted", "enforce-version": "v1.30"], version: .v1(24))
        let latest = Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted"], version: .v1(24))
        #expect(pinned == latest)
        #expect(pinned.count == 4)
    }

    @Test func beforeTheAdmissionControllerNothingIsPredicted() {
        #expect(Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted"], version: .v1(22)).isEmpty)
        #expect(!Self.violations(pod: Self.rootPod, labels: ["enforce": "restricted"], version: .v1(23)).isEmpty)
    }

    @Test func windowsPodsAreExemptFromLinuxControlsFrom125() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              os: {name: windows}
              securityContext: {runAsNonRoot: true}
              containers:
              - name: web
                image: web:1.0
            """
        #expect(Self.violations(pod: pod, labels: ["enforce": "restricted", "enforce-version": "v1.25"], version: .v1(30)).isEmpty)
        #expect(Self.violations(pod: pod, labels: ["enforce": "restricted", "enforce-version": "v1.24"], version: .v1(30)) == [
            "container 'web' does not drop ALL capabilities (securityContext.capabilities.drop: [ALL]) [Capabilities]",
            "container 'web' does not set securityContext.allowPrivilegeEscalation: false [Privilege Escalation]",
            "container 'web' does not set securityContext.seccompProfile.type (RuntimeDefault or Localhost), nor does the pod [Seccomp]",
        ])
    }

    @Test func userNamespacesRelaxRootControlsFrom135() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              hostUsers: false
              securityContext: {seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: web
                image: web:1.0
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                  procMount: Unmasked
            """
        #expect(Self.violations(pod: pod, labels: ["enforce": "baseline"], version: .v1(35)).isEmpty)
        #expect(Self.violations(pod: pod, labels: ["enforce": "restricted"], version: .v1(35)) == [
            "spec.containers[0].securityContext.procMount is Unmasked [/proc Mount Type]",
        ])
        #expect(Self.violations(pod: pod, labels: ["enforce": "restricted"], version: .v1(34)) == [
            "container 'web' does not set securityContext.runAsNonRoot: true, nor does the pod [Running as Non-root]",
            "spec.containers[0].securityContext.procMount is Unmasked [/proc Mount Type]",
        ])
    }

    @Test func safeSysctlsGrowWithReleases() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              securityContext:
                sysctls:
                - {name: net.ipv4.ip_local_reserved_ports, value: "8080"}
                - {name: kernel.msgmax, value: "65536"}
              containers:
              - {name: web, image: web:1.0}
            """
        #expect(Self.violations(pod: pod, labels: ["enforce": "baseline"], version: .v1(26)) == [
            "spec.securityContext.sysctls[0] sets net.ipv4.ip_local_reserved_ports, which is not a safe sysctl [Sysctls]",
            "spec.securityContext.sysctls[1] sets kernel.msgmax, which is not a safe sysctl [Sysctls]",
        ])
        #expect(Self.violations(pod: pod, labels: ["enforce": "baseline"], version: .v1(27)) == [
            "spec.securityContext.sysctls[1] sets kernel.msgmax, which is not a safe sysctl [Sysctls]",
        ])
    }

    @Test func probeHostsAndSELinuxTypesFollowTheirReleases() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              containers:
              - name: web
                image: web:1.0
                securityContext:
                  seLinuxOptions: {type: container_engine_t}
                livenessProbe:
                  httpGet: {host: 10.0.0.1, path: /, port: 80}
            """
        #expect(Self.violations(pod: pod, labels: ["enforce": "baseline"], version: .v1(30)) == [
            "spec.containers[0].securityContext.seLinuxOptions.type is container_engine_t [SELinux]",
        ])
        #expect(Self.violations(pod: pod, labels: ["enforce": "baseline"], version: .v1(34)) == [
            "spec.containers[0].livenessProbe.httpGet.host is 10.0.0.1 [Host Probes / Lifecycle Hooks]",
        ])
    }

    @Test func enforcedFieldsAreErrorsAndTheStricterWarnLevelWarnings() {
        let pod = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  volumes:
                  - name: logs
                    hostPath: {path: /var/log}
                  containers:
                  - name: web
                    image: web:1.0
                    securityContext:
                      allowPrivilegeEscalation: false
            """
        let labels = ["enforce": "baseline", "warn": "restricted", "audit": "restricted"]
        #expect(placedMessages(findings(of: "pod-security-enforce", in: ["ns.yaml": Self.namespace(labels), "pod.yaml": pod], version: .v1(29))) == [
            "pod.yaml:12:9 spec.template.spec.volumes[0].hostPath mounts a host directory: forbidden by Pod Security level \"baseline\" "
                + "(control \"HostPath Volumes\"), which namespace 'shop' enforces; the API server rejects every pod of Deployment web (the Deployment itself is accepted)",
        ])
        #expect(placedMessages(findings(of: "pod-security-warn", in: ["ns.yaml": Self.namespace(labels), "pod.yaml": pod], version: .v1(29))) == [
            // The hostPath volume is rejected already: not warned about again as a volume type.
            "pod.yaml:16:9 container 'web' does not drop ALL capabilities (securityContext.capabilities.drop: [ALL]): breaks Pod Security level \"restricted\" "
                + "(control \"Capabilities\"), which namespace 'shop' applies in warn and audit mode; kubectl apply prints a warning and the audit log records it",
        ])
    }

    @Test func aPinnedVersionIsNamedAndTheLabelIsARelatedPosition() throws {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              hostPID: true
              containers:
              - {name: web, image: web:1.0}
            """
        let found = findings(of: "pod-security-enforce", in: ["ns.yaml": Self.namespace(["enforce": "baseline", "enforce-version": "v1.28"]), "pod.yaml": pod], version: .v1(29))
        let finding = try #require(found.first)
        #expect(finding.message == "spec.hostPID is true: forbidden by Pod Security level \"baseline\" (v1.28) (control \"Host Namespaces\"), "
            + "which namespace 'shop' enforces; the API server rejects the pod")
        #expect(finding.related.map { "\($0.location) \($0.message)" } == ["ns.yaml:6:41 namespace shop sets pod-security.kubernetes.io/enforce: baseline"])
    }
}
