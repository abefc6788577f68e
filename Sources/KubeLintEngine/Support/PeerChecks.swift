/// The checks of the linters teams replace with kubelint: kube-linter's built-in checks (what
/// `kube-linter checks list` prints) and kube-score's checks (its README_CHECKS.md), as
/// `tool:check`. Each is the equivalent of some kubelint rule (`RuleDescription.equivalents`)
/// or listed in `notApplicable` with the reason; a test keeps the three lists in agreement.
package enum PeerChecks {
    package static let kubeLinterPrefix = "kube-linter:"
    package static let kubeScorePrefix = "kube-score:"

    package static let kubeLinter: [String] = [
        "access-to-create-pods", "access-to-secrets", "cluster-admin-role-binding",
        "dangling-horizontalpodautoscaler", "dangling-ingress", "dangling-networkpolicy",
        "dangling-networkpolicypeer-podselector", "dangling-service", "dangling-servicemonitor",
        "default-service-account", "deprecated-service-account-field", "dnsconfig-options", "docker-sock",
        "drop-net-raw-capability", "duplicate-env-var", "env-value-from", "env-var-secret", "exposed-services",
        "host-ipc", "host-network", "host-pid", "hpa-minimum-three-replicas", "invalid-target-ports",
        "job-ttl-seconds-after-finished", "latest-tag", "liveness-port", "minimum-three-replicas",
        "mismatching-selector", "no-anti-affinity", "no-extensions-v1beta", "no-liveness-probe",
        "no-node-affinity", "no-read-only-root-fs", "no-readiness-probe", "no-rolling-update-strategy",
        "non-existent-service-account", "non-isolated-pod", "pdb-max-unavailable", "pdb-min-available",
        "pdb-unhealthy-pod-eviction-policy", "priority-class-name", "privilege-escalation-container",
        "privileged-container", "privileged-ports", "read-secret-from-env-var", "readiness-port",
        "required-annotation-email", "required-label-owner", "restart-policy", "run-as-non-root",
        "scc-deny-privileged-container", "schema-validation", "sensitive-host-mounts", "sorted-keys",
        "ssh-port", "startup-port", "unsafe-proc-mount", "unsafe-sysctls", "unset-cpu-requirements",
        "unset-memory-requirements", "use-namespace", "wildcard-in-rules", "writable-host-mount",
    ].map { kubeLinterPrefix + $0 }

    package static let kubeScore: [String] = [
        "deployment-strategy", "deployment-replicas", "ingress-targets-service", "cronjob-has-deadline",
        "cronjob-restartpolicy", "container-resources", "container-resource-requests-equal-limits",
        "container-cpu-requests-equal-limits", "container-memory-requests-equal-limits", "container-image-tag",
        "container-image-pull-policy", "container-ephemeral-storage-request-and-limit",
        "container-ephemeral-storage-request-equals-limit", "container-ports-check",
        "environment-variable-key-duplication", "statefulset-has-poddisruptionbudget",
        "deployment-has-poddisruptionbudget", "poddisruptionbudget-has-policy", "pod-networkpolicy",
        "networkpolicy-targets-pod", "pod-probes", "pod-probes-identical",
        "container-security-context-user-group-id", "container-security-context-privileged",
        "container-security-context-readonlyrootfilesystem", "container-seccomp-profile", "service-targets-pod",
        "service-type", "stable-version", "deployment-has-host-podantiaffinity",
        "statefulset-has-host-podantiaffinity", "deployment-targeted-by-hpa-does-not-have-replicas-configured",
        "statefulset-has-servicename", "deployment-pod-selector-labels-match-template-metadata-labels",
        "statefulset-pod-selector-labels-match-template-metadata-labels", "label-values",
        "horizontalpodautoscaler-has-target", "horizontalpodautoscaler-replicas", "pod-topology-spread-constraints",
    ].map { kubeScorePrefix + $0 }

    /// A peer check kubelint has no rule for, and why.
    package struct NotApplicable: Sendable {
        package var check: String
        package var reason: String
    }

    package static let notApplicable: [NotApplicable] = [
        NotApplicable(
            check: "kube-linter:dnsconfig-options",
            reason: """
                Asks every pod for a site's DNS tuning (kube-linter's default parameter is \
                `ndots: 2`). Whether pods need `dnsConfig` options depends on the cluster's DNS and \
                the application, which the manifests do not tell, and kubelint's rules take no \
                per-site parameters.
                """
        ),
        NotApplicable(
            check: "kube-linter:priority-class-name",
            reason: """
                Compares `priorityClassName` with a list of accepted names that each user \
                configures: which priority classes a team may use is site policy, not something the \
                manifests can show to be wrong.
                """
        ),
        NotApplicable(
            check: "kube-linter:required-annotation-email",
            reason: """
                An example of kube-linter's custom-check templates (every object must carry an \
                `email` annotation): an organisation's metadata convention, not a property of \
                Kubernetes objects. Enforce such a convention with an admission policy or a check \
                of your own.
                """
        ),
        NotApplicable(
            check: "kube-linter:required-label-owner",
            reason: """
                An example of kube-linter's custom-check templates (every object must carry an \
                `owner` label): an organisation's metadata convention, not a property of \
                Kubernetes objects.
                """
        ),
        NotApplicable(
            check: "kube-linter:sorted-keys",
            reason: """
                Key order means nothing to Kubernetes. Sorting YAML is a formatter's job; kubelint \
                reports what manifests mean, not how they are laid out.
                """
        ),
    ]

    /// Every peer check, kube-linter's first.
    package static var all: [String] { kubeLinter + kubeScore }
}
