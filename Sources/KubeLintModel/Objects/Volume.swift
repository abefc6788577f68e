import KubeLintYAML

public struct Volume: Sendable {
    /// A key of a ConfigMap or Secret projected into a file (`items`).
    public struct KeyToPath: Sendable {
        public var key: Located<String>?
        public var path: Located<String>?
        public var mark: Mark

        init(_ reader: MappingReader, context: inout DecodeContext) {
            key = reader.string("key", context: &context)
            path = reader.string("path", context: &context)
            mark = reader.node.start
            reader.require("key", context: &context)
            reader.require("path", context: &context)
        }
    }

    /// A ConfigMap or Secret mounted as files, directly or through a projected volume.
    public struct ObjectSource: Sendable {
        public var name: Located<String>?
        public var items: [KeyToPath]
        public var optional: Located<Bool>?
        public var mark: Mark

        init(_ reader: MappingReader, nameKey: String, context: inout DecodeContext) {
            name = reader.string(nameKey, context: &context)
            items = reader.objects("items", context: &context, KeyToPath.init)
            optional = reader.bool("optional", context: &context)
            mark = reader.node.start
        }

        public var isOptional: Bool { optional?.value ?? false }
    }

    public struct ClaimSource: Sendable {
        public var claimName: Located<String>?
        public var readOnly: Located<Bool>?
        public var mark: Mark

        init(_ reader: MappingReader, context: inout DecodeContext) {
            claimName = reader.string("claimName", context: &context)
            readOnly = reader.bool("readOnly", context: &context)
            mark = reader.node.start
            reader.require("claimName", context: &context)
        }
    }

    public var name: Located<String>?
    public var persistentVolumeClaim: ClaimSource?
    public var configMap: ObjectSource?
    public var secret: ObjectSource?
    /// ConfigMaps and Secrets of a `projected` volume's sources.
    public var projectedConfigMaps: [ObjectSource]
    public var projectedSecrets: [ObjectSource]
    /// The volume source key as written (`emptyDir`, `hostPath`, ...), for rules and messages.
    public var sourceKind: String?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        persistentVolumeClaim = reader.mapping("persistentVolumeClaim", context: &context).map { ClaimSource($0, context: &context) }
        configMap = reader.mapping("configMap", context: &context).map { ObjectSource($0, nameKey: "name", context: &context) }
        secret = reader.mapping("secret", context: &context).map { ObjectSource($0, nameKey: "secretName", context: &context) }
        var projectedConfigMaps: [ObjectSource] = []
        var projectedSecrets: [ObjectSource] = []
        if let projected = reader.mapping("projected", context: &context) {
            _ = projected.objects("sources", context: &context) { source, context in
                if let configMap = source.mapping("configMap", context: &context) {
                    projectedConfigMaps.append(ObjectSource(configMap, nameKey: "name", context: &context))
                }
                if let secret = source.mapping("secret", context: &context) {
                    projectedSecrets.append(ObjectSource(secret, nameKey: "name", context: &context))
                }
            }
        }
        self.projectedConfigMaps = projectedConfigMaps
        self.projectedSecrets = projectedSecrets
        sourceKind = reader.node.pairs?.lazy.compactMap { MappingReader.keyText($0.key) }.first { $0 != "name" }
        mark = reader.node.start
        reader.require("name", context: &context)
    }

    /// Every ConfigMap this volume reads, directly or projected.
    public var configMapSources: [ObjectSource] { (configMap.map { [$0] } ?? []) + projectedConfigMaps }
    /// Every Secret this volume reads, directly or projected.
    public var secretSources: [ObjectSource] { (secret.map { [$0] } ?? []) + projectedSecrets }
}
