import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A `networking.k8s.io` NetworkPolicy as far as rules read it: the pods it applies to, the
/// directions it isolates, and the peers its rules allow.
package struct NetworkPolicyNodes {
    /// A peer of an ingress (`from`) or egress (`to`) rule that selects pods.
    package struct Peer {
        package var selector: LabelSelector
        /// True for `ingress[].from[]`, false for `egress[].to[]`.
        package var isIngress: Bool
        /// The peer also has a `namespaceSelector`: its pods are in other namespaces.
        package var selectsOtherNamespaces: Bool
    }

    /// `spec.podSelector`; nil when missing or not a mapping.
    package var podSelector: LabelSelector?
    package var isolatesIngress: Bool
    package var isolatesEgress: Bool
    package var peers: [Peer]

    package init?(_ resource: Resource) {
        guard resource.kind?.value == "NetworkPolicy", resource.group == "networking.k8s.io",
              let spec = resource.root["spec"], spec.kind == .mapping else { return nil }
        podSelector = spec["podSelector"].flatMap { LabelSelector(reading: $0, path: "spec.podSelector") }
        // Without `policyTypes`, a policy isolates ingress, and egress too when it has egress rules.
        let types = spec["policyTypes"]?.items?.compactMap(MappingReader.string)
        let hasEgressRules = spec.pair("egress") != nil
        isolatesIngress = types.map { $0.contains("Ingress") } ?? true
        isolatesEgress = types.map { $0.contains("Egress") } ?? hasEgressRules
        var peers: [Peer] = []
        for (direction, peersKey, isIngress) in [("ingress", "from", true), ("egress", "to", false)] {
            for (ruleIndex, rule) in (spec[direction]?.items ?? []).enumerated() {
                for (peerIndex, peer) in (rule[peersKey]?.items ?? []).enumerated() {
                    guard let node = peer["podSelector"],
                          let selector = LabelSelector(reading: node, path: "spec.\(direction)[\(ruleIndex)].\(peersKey)[\(peerIndex)].podSelector")
                    else { continue }
                    let namespaceSelector = peer["namespaceSelector"].map { !$0.isNull } ?? false
                    peers.append(Peer(selector: selector, isIngress: isIngress, selectsOtherNamespaces: namespaceSelector))
                }
            }
        }
        self.peers = peers
    }
}
