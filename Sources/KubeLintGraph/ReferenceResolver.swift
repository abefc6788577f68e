import KubeLintModel

/// What the graph is told about objects the tree does not write out: the rules' knowledge of
/// externals, objects Kubernetes and operators make, and files that could not be read. The
/// graph finds the tree's own objects in the index; it asks the resolver about every other
/// target, so that the graph and the reference rules resolve references the same way.
public protocol ReferenceResolver {
    /// Why the object of `kind` named `name` in `namespace` (already "" for a cluster-scoped
    /// kind) exists though the tree does not write it out, or `.missing`; never `.object`.
    /// `referrer` is the object whose reference it is (a pod's own ServiceAccount token, a
    /// StatefulSet's claims), nil when the question is asked about no reference in particular.
    func resolveElsewhere(kind: String, namespace: String, name: String, referrer: Resource?) -> ReferenceGraph.Resolution

    /// Whether pods the tree does not describe (declared external, or in a file that could not
    /// be read) may carry every label of `selector` in `namespace`.
    func podsMayRunElsewhere(in namespace: String, matching selector: StringMap) -> Bool
}
