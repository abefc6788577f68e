import KubeLintModel

/// The three probes of a container, for messages that say what a failing one does.
package enum ProbeKind: String {
    case liveness = "livenessProbe"
    case readiness = "readinessProbe"
    case startup = "startupProbe"

    package static func probes(of container: Container) -> [(ProbeKind, Probe)] {
        [(.liveness, container.livenessProbe), (.readiness, container.readinessProbe), (.startup, container.startupProbe)]
            .compactMap { kind, probe in probe.map { (kind, $0) } }
    }

    /// What happens when the probe always fails.
    package var consequence: String {
        switch self {
        case .liveness: "the probe fails and the kubelet restarts the container again and again"
        case .readiness: "the probe fails and the pod never receives Service traffic"
        case .startup: "the probe fails and the kubelet restarts the container before it ever starts"
        }
    }
}
