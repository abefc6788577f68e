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

/// The full messages of the pod security, host access and RBAC rules (the `security` profile).
@Suite("Messages of the security rules")
struct SecurityMessageTests {
    @Test func containerSecurityContexts() {
        #expect(exampleMessages("privileged-container") == [
            "container 'web' runs privileged: it has every capability and device of its node",
        ])
        #expect(exampleMessages("privilege-escalation-allowed") == [
            "container 'web' allows privilege escalation: its processes can become root through set-user-ID programs",
            "container 'fuse' adds SYS_ADMIN, which gives its processes most of root's powers over the node",
        ])
        #expect(exampleMessages("run-as-root") == [
            "container 'web' sets neither runAsNonRoot: true nor a runAsUser other than 0; it runs as root if its image says so",
            "container 'agent' sets runAsNonRoot and runAsUser 0 (spec.containers[1].securityContext.runAsUser); the kubelet refuses to start it",
            "container 'agent' runs with group 0 (spec.containers[1].securityContext.runAsGroup), which owns root's files",
        ])
        #expect(exampleMessages("user-group-id-low") == [
            "spec.securityContext.runAsUser is 1000, below 10000: an ID the node's own accounts may have",
            "container 'agent' sets no runAsGroup; it runs with its image's IDs, usually low ones",
        ])
        #expect(exampleMessages("read-only-root-fs-missing") == [
            "container 'web' can write to its root filesystem (readOnlyRootFilesystem is not true)",
            "container 'agent' can write to its root filesystem (readOnlyRootFilesystem is not true)",
        ])
        #expect(exampleMessages("net-raw-not-dropped") == [
            "container 'web' does not drop NET_RAW, which the runtime grants by default",
            "container 'ping' adds NET_RAW: its processes can forge packets on the node's network",
        ])
        #expect(exampleMessages("seccomp-profile-missing") == [
            "container 'web' has no seccomp profile, so every system call is open to it",
            "container 'agent' runs Unconfined (spec.containers[1].securityContext.seccompProfile.type), so every system call is open to it",
        ])
        #expect(exampleMessages("unsafe-proc-mount") == [
            "container 'nested' unmasks /proc: the kernel settings the runtime hides are open to it",
        ])
    }

    @Test func hostAccess() {
        #expect(exampleMessages("host-network") == ["spec.hostNetwork is true: the pod uses the node's network interfaces and bypasses NetworkPolicies"])
        #expect(exampleMessages("host-pid") == ["spec.hostPID is true: the pod sees every process of its node"])
        #expect(exampleMessages("host-ipc") == ["spec.hostIPC is true: the pod shares the memory and message queues of its node's processes"])
        #expect(exampleMessages("sensitive-host-mount") == ["volume host-etc mounts the node's /etc into the pod"])
        #expect(exampleMessages("container-runtime-socket-mount") == [
            "volume docker mounts the container runtime's socket /var/run/docker.sock; the pod can start any container on the node",
        ])
        #expect(exampleMessages("writable-host-mount") == ["container 'agent' mounts the node's /var/log/pods writable (volume logs)"])
        #expect(exampleMessages("unsafe-sysctl") == [
            "sysctl kernel.shmmax is not one Kubernetes counts as safe: it reaches beyond the pod, and the kubelet refuses the pod unless its node allows it",
        ])
        #expect(exampleMessages("privileged-port") == ["container 'web' listens on port 80, which needs root or NET_BIND_SERVICE to bind"])
        #expect(exampleMessages("ssh-port") == ["container 'sshd' exposes port 22, the SSH port"])
    }

    @Test func secretsAccountsAndExposure() {
        #expect(exampleMessages("secret-in-env-value") == [
            "env DATABASE_PASSWORD of container 'web' is named like a secret and its value is written in the manifest",
            "env stripe_secret_key of container 'web' is named like a secret and its value is written in the manifest",
        ])
        #expect(exampleMessages("secret-in-environment") == [
            "env DATABASE_PASSWORD of container 'web' reads a Secret into the environment",
            "container 'web' reads every key of Secret api-keys into the environment",
        ])
        #expect(exampleMessages("default-service-account") == [
            "the pod runs as the default ServiceAccount of namespace 'default' with its token mounted; whatever default may do, it may do",
        ])
        #expect(exampleMessages("service-exposed") == ["Service admin is of type NodePort: it opens its port on every node of the cluster"])
        #expect(exampleMessages("network-policy-missing") == [
            "no NetworkPolicy isolates the ingress and egress traffic of Deployment web's pods in namespace 'default'",
            "no NetworkPolicy isolates the egress traffic of Deployment api's pods in namespace 'default'",
        ])
        #expect(exampleMessages("default-namespace") == [
            "ConfigMap settings names no namespace and lands in default, which it shares with whatever else was put there",
            "ConfigMap flags is in the default namespace, which it shares with whatever else was put there",
        ])
    }

    @Test func roles() {
        #expect(exampleMessages("rbac-cluster-admin-binding") == ["ClusterRoleBinding ci grants cluster-admin over the whole cluster to its subjects"])
        #expect(exampleMessages("rbac-secrets-access") == [
            "ClusterRole reader lets its subjects get, list, watch Secrets (rules[0]); whoever holds it reads their values",
        ])
        #expect(exampleMessages("rbac-create-pods") == [
            "Role runner lets its subjects create pods (rules[0]), and so run pods as any ServiceAccount of the namespace",
            "Role runner lets its subjects create jobs (rules[1]), and so run pods as any ServiceAccount of the namespace",
        ])
        #expect(exampleMessages("rbac-wildcard") == [
            "rules[0].apiGroups is \"*\": ClusterRole operator grants whatever exists now or is added later",
            "rules[0].resources is \"*\": ClusterRole operator grants whatever exists now or is added later",
            "rules[0].verbs is \"*\": ClusterRole operator grants whatever exists now or is added later",
        ])
        #expect(exampleMessages("scc-privileged") == ["SecurityContextConstraints agents allows privileged containers to everyone it is granted to"])
    }
}
