import KubeLintYAML

/// A ConfigMap's values; `data` and `binaryData` keep string values only (the keys whatever their
/// values: `Resource.configDataKeys`).
public struct ConfigMap: Sendable {
    public var data: StringMap
    /// Keys of `binaryData` (values are base64 and not interesting to rules).
    public var binaryData: StringMap
    public var immutable: Located<Bool>?

    init(_ reader: MappingReader, context: inout DecodeContext) {
        data = reader.stringMap("data", context: &context)
        binaryData = reader.stringMap("binaryData", context: &context)
        immutable = reader.bool("immutable", context: &context)
    }
}

/// A Secret's values; `data` and `stringData` keep string values only (the keys whatever their
/// values: `Resource.configDataKeys`).
public struct Secret: Sendable {
    public var type: Located<String>?
    public var data: StringMap
    public var stringData: StringMap

    init(_ reader: MappingReader, context: inout DecodeContext) {
        type = reader.string("type", context: &context)
        data = reader.stringMap("data", context: &context)
        stringData = reader.stringMap("stringData", context: &context)
    }
}

extension Resource {
    /// Every key a ConfigMap (`data`, `binaryData`) or Secret (`data`, `stringData`) writes,
    /// whatever its value: `DEBUG: false` is a wrong value, reported where it is written, not a
    /// missing key. Keys read as JSON reads them (`MappingReader.keyText`); nil for other kinds.
    /// Read from the parsed node when asked: a second copy of every key on every ConfigMap was
    /// 1% of a large tree's peak memory, and the key rules look at each referenced object once.
    public var configDataKeys: [String]? {
        let fields: [String]
        switch body {
        case .configMap: fields = ["data", "binaryData"]
        case .secret: fields = ["data", "stringData"]
        default: return nil
        }
        return fields.flatMap { field in root[field]?.pairs?.compactMap { MappingReader.keyText($0.key) } ?? [] }
    }
}

public struct PersistentVolumeClaim: Sendable {
    public var metadata: ObjectMeta
    public var accessModes: [Located<String>]
    /// `resources.requests.storage` as written (a quantity such as `1Gi`).
    public var storageRequest: Located<String>?
    public var storageClassName: Located<String>?
    public var volumeName: Located<String>?
    public var specMark: Mark?

    /// Decodes a whole PVC object (also used for a StatefulSet's `volumeClaimTemplates`).
    init(_ reader: MappingReader, context: inout DecodeContext) {
        metadata = reader.mapping("metadata", context: &context).map { ObjectMeta($0, context: &context) } ?? ObjectMeta()
        let spec = reader.mapping("spec", context: &context)
        accessModes = spec?.strings("accessModes", context: &context) ?? []
        storageClassName = spec?.string("storageClassName", context: &context)
        volumeName = spec?.string("volumeName", context: &context)
        specMark = spec?.node.start
        storageRequest = nil
        if let requests = spec?.mapping("resources", context: &context)?.mapping("requests", context: &context),
           let pair = requests.pair("storage") {
            if case .scalar(let scalar) = pair.value.content {
                storageRequest = Located(scalar.text, at: pair.value.start, key: pair.key.start)
            } else {
                context.wrongType(requests.fieldPath("storage"), expected: "a quantity", node: pair.value)
            }
        }
    }

    public var isReadWriteOnce: Bool {
        accessModes.contains { $0.value == "ReadWriteOnce" || $0.value == "ReadWriteOncePod" }
    }
}
