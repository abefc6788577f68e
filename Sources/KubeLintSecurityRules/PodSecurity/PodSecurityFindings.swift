import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// A violation under the namespace modes that flag it.
struct PodSecurityFinding {
    var violation: PodSecurityViolation
    var policy: PodSecurityPolicy
    /// Every mode of the namespace that flags it (`warn` and `audit` may both).
    var modes: [PodSecurityMode]
}

extension LintContext {
    /// What the Pod Security admission of the resource's namespace makes of its pods: for each
    /// violated field, the strictest mode that flags it (enforce before warn and audit).
    func podSecurityFindings(of resource: Resource) -> [PodSecurityFinding] {
        guard resource.podTemplate?.spec != nil else { return [] }
        let policies = podSecurityPolicies(in: index.namespace(of: resource))
        guard !policies.isEmpty, let pod = podSpec(of: resource) else { return [] }
        var findings: [PodSecurityFinding] = []
        var seen: [String: Int] = [:]
        var enforced: Set<Int> = []
        for policy in policies {
            let evaluation = PodSecurityEvaluation(pod: pod, version: policy.version)
            for violation in evaluation.violations(of: policy.level) {
                // A field the namespace rejects is not warned about again, under any control.
                if policy.mode == .enforce {
                    enforced.insert(violation.mark.offset)
                } else if enforced.contains(violation.mark.offset) {
                    continue
                }
                let key = "\(violation.mark.offset) \(violation.control.name) \(violation.control.level.rawValue)"
                if let earlier = seen[key] {
                    if findings[earlier].policy.mode != .enforce, !findings[earlier].modes.contains(policy.mode) {
                        findings[earlier].modes.append(policy.mode)
                    }
                    continue
                }
                seen[key] = findings.count
                findings.append(PodSecurityFinding(violation: violation, policy: policy, modes: [policy.mode]))
            }
        }
        return findings
    }
}

extension PodSecurityFinding {
    /// The position of the namespace label that sets the mode, as a related position.
    var related: Finding.Related {
        let key = PodSecurityPolicy.labelPrefix + policy.mode.rawValue
        let object = policy.namespaceObject
        let mark = object.metadata.labels.entry(key)?.valueMark ?? object.nameMark
        return Finding.Related(
            location: FileLocation(file: object.source.file, mark: mark),
            message: "namespace \(policy.namespace) sets \(key): \(policy.level.rawValue)"
        )
    }

    /// `forbidden by Pod Security level "baseline" (control "Privileged Containers")`.
    var controlDescription: String {
        "\(policy.levelDescription) (control \"\(violation.control.name)\")"
    }
}

extension Resource {
    /// Who the API server turns away: a Pod, or the pods a workload creates.
    var rejectedPods: String {
        if case .pod = body { return "the pod" }
        return "every pod of \(kindAndName) (the \(kind?.value ?? "object") itself is accepted)"
    }
}
