import KubeLintYAML

public struct HorizontalPodAutoscaler: Sendable {
    public struct TargetReference: Sendable {
        public var apiVersion: Located<String>?
        public var kind: Located<String>?
        public var name: Located<String>?
        public var mark: Mark
    }

    public var scaleTargetRef: TargetReference?
    public var minReplicas: Located<Int>?
    public var maxReplicas: Located<Int>?

    init(spec: MappingReader?, context: inout DecodeContext) {
        scaleTargetRef = spec?.mapping("scaleTargetRef", context: &context).map { target in
            let reference = TargetReference(
                apiVersion: target.string("apiVersion", context: &context),
                kind: target.string("kind", context: &context),
                name: target.string("name", context: &context),
                mark: target.node.start
            )
            target.require("kind", context: &context)
            target.require("name", context: &context)
            return reference
        }
        minReplicas = spec?.int("minReplicas", context: &context)
        maxReplicas = spec?.int("maxReplicas", context: &context)
        spec?.require("scaleTargetRef", context: &context)
        spec?.require("maxReplicas", context: &context)
    }
}

public struct PodDisruptionBudget: Sendable {
    public var selector: LabelSelector?
    public var minAvailable: Located<IntOrString>?
    public var maxUnavailable: Located<IntOrString>?
    public var specMark: Mark?

    init(spec: MappingReader?, context: inout DecodeContext) {
        selector = spec?.mapping("selector", context: &context).map { LabelSelector($0, context: &context) }
        minAvailable = spec?.intOrString("minAvailable", context: &context)
        maxUnavailable = spec?.intOrString("maxUnavailable", context: &context)
        specMark = spec?.node.start
    }
}

public struct ServiceAccount: Sendable {
    public var imagePullSecrets: [Located<String>]
    public var automountServiceAccountToken: Located<Bool>?

    init(_ reader: MappingReader, context: inout DecodeContext) {
        imagePullSecrets = reader.objects("imagePullSecrets", context: &context) { item, context in
            item.string("name", context: &context)
        }.compactMap { $0 }
        automountServiceAccountToken = reader.bool("automountServiceAccountToken", context: &context)
    }
}
