import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// A volume of a pod spec backed by a ReadWriteOnce claim that is in the tree.
package struct ReadWriteOnceClaim {
    package var volumeName: String
    package var claimName: Located<String>
    package var claim: Resource
}

extension LintContext {
    /// The pod's volumes whose claim is in the tree and can be mounted read-write by one node
    /// (or one pod) only. Claims not in the tree are unknown, never assumed ReadWriteOnce.
    package func readWriteOnceClaims(of resource: Resource) -> [ReadWriteOnceClaim] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        let namespace = index.namespace(of: resource)
        return spec.volumes.compactMap { volume in
            guard let claimName = volume.persistentVolumeClaim?.claimName,
                  let claim = index.object(kind: "PersistentVolumeClaim", namespace: namespace, name: claimName.value),
                  case .persistentVolumeClaim(let persistentVolumeClaim) = claim.body,
                  persistentVolumeClaim.isReadWriteOnce else { return nil }
            return ReadWriteOnceClaim(volumeName: volume.name?.value ?? "?", claimName: claimName, claim: claim)
        }
    }
}

extension ReadWriteOnceClaim {
    package var related: Finding.Related {
        claim.related("PersistentVolumeClaim \(claimName.value) is ReadWriteOnce")
    }
}
