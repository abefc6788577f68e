import KubeLintYAML

package struct HorizontalPodAutoscaler: Sendable {
    package struct TargetReference: Sendable {
        package var apiVersion: Located<String>?
        package var kind: Located<String>?
        package var name: Located<String>?
        package var mark: Mark
    }

    package var scaleTargetRef: TargetReference?
    package var minReplicas: Located<Int>?
    package var maxReplicas: Located<Int>?

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

package struct PodDisruptionBudget: Sendable {
    package var selector: LabelSelector?
    package var minAvailable: Located<IntOrString>?
    package var maxUnavailable: Located<IntOrString>?
    package var specMark: Mark?

    init(spec: MappingReader?, context: inout DecodeContext) {
        selector = spec?.mapping("selector", context: &context).map { LabelSelector($0, context: &context) }
        minAvailable = spec?.intOrString("minAvailable", context: &context)
        maxUnavailable = spec?.intOrString("maxUnavailable", context: &context)
        specMark = spec?.node.start
    }
}

package struct ServiceAccount: Sendable {
    package var imagePullSecrets: [Located<String>]
    package var automountServiceAccountToken: Located<Bool>?

    init(_ reader: MappingReader, context: inout DecodeContext) {
        imagePullSecrets = reader.objects("imagePullSecrets", context: &context) { item, context in
            item.string("name", context: &context)
        }.compactMap { $0 }
        automountServiceAccountToken = reader.bool("automountServiceAccountToken", context: &context)
    }
}
