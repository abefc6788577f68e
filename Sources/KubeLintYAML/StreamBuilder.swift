import CYAML

/// Turns libyaml events into documents of nodes, enforcing `YAMLLimits` as it goes.
///
/// Nodes go straight into the flat storage of a `NodeArena`: a record per node, scalar bytes
/// appended to one buffer, and the children of open collections kept on one shared stack until
/// their collection ends, when they are copied out as one contiguous range.
struct StreamBuilder {
    private struct OpenCollection {
        /// The collection's record, reserved when it opened and completed when it ends.
        var index: UInt32
        /// Where its children start on `pending`.
        var firstPending: Int
        var anchor: String?
        /// Nodes this collection stands for, aliases counted as if copied.
        var size = 1
    }

    private struct Anchored {
        var index: UInt32
        var size: Int
    }

    private struct FinishedDocument {
        var index: Int
        var start: Mark
        var root: UInt32?
        var problems: [YAMLProblem]
    }

    let limits: YAMLLimits
    private var records: [NodeRecord] = []
    private var children: [UInt32] = []
    private var text: [UInt8] = []
    /// The parsed bytes, when scalars may point into them instead of being copied: only for
    /// ASCII input, where libyaml's character index is also the byte offset.
    private let source: [UInt8]?
    private var tags: [String] = []
    private var tagIndexes: [String: Int32] = [:]
    private var tagOfNode: [UInt32: Int32] = [:]
    private var wideLines: [UInt32: UInt32] = [:]
    /// Finished children of every open collection, innermost last.
    private var pending: [UInt32] = []
    /// Scratch space for `reportDuplicates`, kept to spare an allocation per mapping.
    private var keyHashes: [UInt64] = []
    private var documents: [FinishedDocument] = []
    private var error: YAMLError?

    // State of the document being built.
    private var documentStart = Mark.start
    private var open: [OpenCollection] = []
    private var anchors: [String: Anchored] = [:]
    private var root: UInt32?
    private var problems: [YAMLProblem] = []
    private var expandedNodes = 0

    init(limits: YAMLLimits, expectedBytes: Int = 0, source: [UInt8]? = nil) {
        self.limits = limits
        self.source = source.flatMap { bytes in bytes.withUnsafeBufferPointer(NodeArena.isASCII) ? bytes : nil }
        // Manifests run at about one node per 12 bytes and a little less scalar text than
        // input, most of which stays in the source when it can; reserving that avoids most
        // regrowth without holding much spare.
        records.reserveCapacity(expectedBytes / 12)
        children.reserveCapacity(expectedBytes / 12)
        text.reserveCapacity(self.source == nil ? expectedBytes / 2 : expectedBytes / 16)
    }

    /// Returns false to stop reading (a limit was hit).
    mutating func handle(_ raw: UnsafePointer<yaml_event_t>) -> Bool {
        let event = raw.pointee
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentStart = EventReader.mark(event.start_mark)
            open.removeAll(keepingCapacity: true)
            pending.removeAll(keepingCapacity: true)
            anchors.removeAll(keepingCapacity: true)
            root = nil
            problems.removeAll(keepingCapacity: true)
            expandedNodes = 0
        case YAML_DOCUMENT_END_EVENT:
            var finished = root
            // `---` alone, or a document of only comments, is an empty document.
            if let index = finished {
                let record = records[Int(index)]
                if record.kind == .scalar, record.count == 0, record.style == .plain, !record.hasTag {
                    finished = nil
                }
            }
            documents.append(FinishedDocument(index: documents.count, start: documentStart, root: finished, problems: problems))
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let style = Self.style(data.style)
            var first = text.count
            var inSource = false
            if let value = data.value, data.length > 0 {
                let bytes = UnsafeBufferPointer(start: value, count: data.length)
                if let offset = sourceOffset(of: bytes, style: style, mark: event.start_mark) {
                    first = offset
                    inSource = true
                } else {
                    text.append(contentsOf: bytes)
                }
            }
            guard let start = narrow(first, at: event.start_mark), let count = narrow(data.length, at: event.start_mark),
                  let index = append(.scalar, style: style, tag: data.tag, mark: event.start_mark, first: start, count: count, inSource: inSource)
            else { return false }
            return add(index, size: 1, anchor: Self.string(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                error = YAMLError(kind: .undefinedAlias, message: "alias *\(name) refers to an anchor that is not defined before it", mark: EventReader.mark(event.start_mark))
                return false
            }
            // The copy starts where the alias is written; its children keep their own positions.
            let copy = records[Int(anchored.index)]
            guard let index = append(copy, at: event.start_mark) else { return false }
            if copy.hasTag { tagOfNode[index] = tagOfNode[anchored.index] }
            return add(index, size: anchored.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return openCollection(.sequence, tag: data.tag, anchor: data.anchor, mark: event.start_mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return openCollection(.mapping, tag: data.tag, anchor: data.anchor, mark: event.start_mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let collection = open.popLast() else { return true }
            let first = children.count
            if records[Int(collection.index)].kind == .mapping {
                finishMapping(from: collection.firstPending)
            } else {
                children.append(contentsOf: pending[collection.firstPending...])
            }
            pending.removeSubrange(collection.firstPending...)
            guard let start = narrow(first, at: event.start_mark), let count = narrow(children.count - first, at: event.start_mark) else { return false }
            records[Int(collection.index)].first = start
            records[Int(collection.index)].count = count
            return add(collection.index, size: collection.size, anchor: collection.anchor, alreadyCounted: true)
        default:
            break
        }
        return true
    }

    mutating func fail(_ error: YAMLError) {
        if self.error == nil { self.error = error }
    }

    func finish() -> YAMLStream {
        let arena = NodeArena(
            records: Self.fitted(records), children: Self.fitted(children), text: Self.fitted(text),
            source: source ?? [], tags: tags, tagOfNode: tagOfNode, wideLines: wideLines
        )
        return YAMLStream(
            documents: documents.map { document in
                YAMLDocument(
                    index: document.index,
                    start: document.start,
                    root: document.root.map { Node(arena: arena, index: $0) },
                    problems: document.problems
                )
            },
            error: error
        )
    }

    /// `array` with no spare capacity. The arrays were reserved from an estimate and grow by
    /// doubling; the arena keeps them for the whole run, where the spare room was a sixth of
    /// the node records.
    private static func fitted<Element>(_ array: [Element]) -> [Element] {
        // An empty result would be the shared empty-array storage, whose count the initializer
        // below writes (ThreadSanitizer sees that write race between files parsed in parallel).
        if array.isEmpty { return [] }
        guard array.capacity - array.count > array.count / 32 else { return array }
        return [Element](unsafeUninitializedCapacity: array.count) { buffer, count in
            _ = buffer.initialize(from: array)
            count = array.count
        }
    }

    // MARK: - Records

    private mutating func append(
        _ kind: Node.Kind, style: ScalarStyle, tag: UnsafeMutablePointer<yaml_char_t>?,
        mark: yaml_mark_t, first: UInt32, count: UInt32, inSource: Bool = false
    ) -> UInt32? {
        let tagIndex = internTag(tag)
        let record = NodeRecord(kind: kind, style: style, hasTag: tagIndex >= 0, inSource: inSource, first: first, count: count)
        guard let index = append(record, at: mark) else { return nil }
        if tagIndex >= 0 { tagOfNode[index] = tagIndex }
        return index
    }

    /// Appends `record` placed at `mark`.
    private mutating func append(_ record: NodeRecord, at mark: yaml_mark_t) -> UInt32? {
        guard let index = narrow(records.count, at: mark) else { return nil }
        var record = record
        let line = UInt32(truncatingIfNeeded: mark.line + 1)
        record.storedLine = line
        if line >= NodeRecord.wideLine { wideLines[index] = line }
        record.column = UInt32(truncatingIfNeeded: mark.column + 1)
        record.offset = UInt32(truncatingIfNeeded: mark.index)
        records.append(record)
        return index
    }

    /// Storage indexes are 32-bit; a stream that outgrows them (over 4 GiB) stops with an error.
    private mutating func narrow(_ value: Int, at mark: yaml_mark_t) -> UInt32? {
        if let narrowed = UInt32(exactly: value) { return narrowed }
        error = YAMLError(kind: .nodeLimit, message: "stream is too large to index (over 4 GiB of nodes or text)", mark: EventReader.mark(mark))
        return nil
    }

    private mutating func internTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Int32 {
        guard let tag = Self.string(pointer) else { return -1 }
        if let index = tagIndexes[tag] { return index }
        let index = Int32(truncatingIfNeeded: tags.count)
        tags.append(tag)
        tagIndexes[tag] = index
        return index
    }

    // MARK: - Tree

    private mutating func openCollection(
        _ kind: Node.Kind, tag: UnsafeMutablePointer<yaml_char_t>?, anchor: UnsafeMutablePointer<yaml_char_t>?, mark: yaml_mark_t
    ) -> Bool {
        guard open.count < limits.maxDepth else {
            error = YAMLError(
                kind: .depthLimit,
                message: "nesting is deeper than \(limits.maxDepth) levels",
                mark: EventReader.mark(mark)
            )
            return false
        }
        guard let index = append(kind, style: .plain, tag: tag, mark: mark, first: 0, count: 0) else { return false }
        expandedNodes += 1
        open.append(OpenCollection(index: index, firstPending: pending.count, anchor: Self.string(anchor)))
        return true
    }

    /// Attaches a finished node to its parent (or makes it the root).
    /// `alreadyCounted` is true for collections: their own node was counted when they opened,
    /// and each child when it was added.
    private mutating func add(_ index: UInt32, size: Int, anchor: String?, alreadyCounted: Bool = false) -> Bool {
        if !alreadyCounted { expandedNodes += size }
        guard expandedNodes <= limits.maxNodesPerDocument else {
            error = YAMLError(
                kind: .nodeLimit,
                message: "document expands to more than \(limits.maxNodesPerDocument) nodes (aliases counted as copies)",
                mark: start(of: index)
            )
            return false
        }
        if let anchor {
            anchors[anchor] = Anchored(index: index, size: size)
        }
        guard !open.isEmpty else {
            root = index
            return true
        }
        open[open.count - 1].size += size
        pending.append(index)
        return true
    }

    private func start(of index: UInt32) -> Mark {
        let record = records[Int(index)]
        return Mark(offset: Int(record.offset), line: Int(NodeArena.line(of: record, at: index, wideLines: wideLines)), column: Int(record.column))
    }

    /// Where a scalar's value already stands in the source, byte for byte: plain and quoted
    /// scalars without escapes or folding, which are most of a manifest. Nil means copy it.
    private func sourceOffset(of value: UnsafeBufferPointer<UInt8>, style: ScalarStyle, mark: yaml_mark_t) -> Int? {
        guard let source, style == .plain || style.isQuoted else { return nil }
        let start = Int(mark.index) + (style.isQuoted ? 1 : 0)
        guard start + value.count <= source.count else { return nil }
        let same = source.withUnsafeBufferPointer { source in
            var position = 0
            while position < value.count {
                if source[start + position] != value[position] { return false }
                position += 1
            }
            return true
        }
        return same ? start : nil
    }

    /// The bytes of a scalar record; valid only inside `body`.
    private func withBytes<Result>(of record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if record.inSource, let source {
            return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[record.range])) }
        }
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[record.range])) }
    }

    private func scalarText(_ index: UInt32) -> String? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        return withBytes(of: record) { String(decoding: $0, as: UTF8.self) }
    }

    private func isMergeKey(_ index: UInt32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, record.style == .plain, record.count == 2,
              withBytes(of: record, { $0[0] == UInt8(ascii: "<") && $0[1] == UInt8(ascii: "<") }) else { return false }
        guard record.hasTag else { return true }
        return tagOfNode[index].map { tags[Int($0)] } == "tag:yaml.org,2002:merge"
    }

    private func sameKeyText(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        let left = records[Int(lhs)]
        let right = records[Int(rhs)]
        guard left.kind == .scalar, right.kind == .scalar else { return false }
        return withBytes(of: left) { leftBytes in
            withBytes(of: right) { rightBytes in NodeArena.textEqual(leftBytes, rightBytes) }
        }
    }

    /// Moves the mapping's key/value pairs from `pending` to `children`, reporting duplicate
    /// keys and applying `<<` merge keys: explicit keys win over merged ones, and among merged
    /// mappings the earlier wins, as YAML's merge key type specifies.
    private mutating func finishMapping(from firstPending: Int) {
        let pairCount = (pending.count - firstPending) / 2
        let end = firstPending + pairCount * 2
        var hasMerge = false
        var position = firstPending
        while position < end {
            if isMergeKey(pending[position]) {
                hasMerge = true
                break
            }
            position += 2
        }
        reportDuplicates(from: firstPending, pairCount: pairCount)
        guard hasMerge else {
            children.append(contentsOf: pending[firstPending..<end])
            return
        }

        var result: [UInt32] = []
        var sources: [UInt32] = []
        position = firstPending
        while position < end {
            let key = pending[position]
            let value = pending[position + 1]
            position += 2
            guard isMergeKey(key) else {
                result.append(key)
                result.append(value)
                continue
            }
            let valueRecord = records[Int(value)]
            switch valueRecord.kind {
            case .mapping:
                sources.append(value)
            case .sequence:
                for item in children[valueRecord.range] {
                    if records[Int(item)].kind == .mapping {
                        sources.append(item)
                    } else {
                        problems.append(YAMLProblem(kind: .invalidMerge, mark: start(of: item)))
                    }
                }
            case .scalar:
                problems.append(YAMLProblem(kind: .invalidMerge, mark: start(of: value)))
            }
        }
        var present: Set<String> = []
        var keyPosition = 0
        while keyPosition < result.count {
            if let key = scalarText(result[keyPosition]) { present.insert(key) }
            keyPosition += 2
        }
        for source in sources {
            let range = records[Int(source)].range
            var entry = range.lowerBound
            while entry + 1 < range.upperBound {
                let key = children[entry]
                let value = children[entry + 1]
                entry += 2
                guard let keyText = scalarText(key) else { continue }
                if present.insert(keyText).inserted {
                    result.append(key)
                    result.append(value)
                }
            }
        }
        children.append(contentsOf: result)
    }

    private mutating func reportDuplicates(from firstPending: Int, pairCount: Int) {
        guard pairCount > 1 else { return }
        reportEquivalentKeys(from: firstPending, pairCount: pairCount)
        // Manifest mappings are small and their keys ASCII: compare cheap hashes of the key
        // bytes pairwise, and the bytes only when hashes agree. Other mappings take the
        // general path, with `String`'s equality.
        if pairCount <= 64, hashASCIIKeys(from: firstPending, pairCount: pairCount) {
            for index in 1..<pairCount where keyHashes[index] != 0 {
                let key = pending[firstPending + index * 2]
                for earlier in 0..<index where keyHashes[earlier] == keyHashes[index] && sameKeyText(pending[firstPending + earlier * 2], key) {
                    let first = pending[firstPending + earlier * 2]
                    guard resolveAlike(first, key) else { continue }
                    problems.append(YAMLProblem(kind: .duplicateKey(key: scalarText(key) ?? "", first: start(of: first)), mark: start(of: key)))
                    break
                }
            }
            return
        }
        var seen: [String: (node: UInt32, mark: Mark)] = [:]
        seen.reserveCapacity(pairCount)
        for index in 0..<pairCount {
            let key = pending[firstPending + index * 2]
            guard let keyText = scalarText(key), keyText != "<<" else { continue }
            if let first = seen[keyText] {
                guard resolveAlike(first.node, key) else { continue }
                problems.append(YAMLProblem(kind: .duplicateKey(key: keyText, first: first.mark), mark: start(of: key)))
            } else {
                seen[keyText] = (key, start(of: key))
            }
        }
    }

    /// Whether two keys of the same text are the same key once resolved: a plain `yes` is the
    /// key "true" to Kubernetes, a quoted "yes" the key "yes". Only keys of different styles or
    /// tags can differ, so only they are resolved.
    private func resolveAlike(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        let left = records[Int(lhs)]
        let right = records[Int(rhs)]
        let leftTag = left.hasTag ? tagOfNode[lhs].map { tags[Int($0)] } : nil
        let rightTag = right.hasTag ? tagOfNode[rhs].map { tags[Int($0)] } : nil
        guard left.style != right.style || leftTag != rightTag, let text = scalarText(lhs) else { return true }
        return ResolvedScalar.resolve(Scalar(text, style: left.style, tag: leftTag)).mapKey
            == ResolvedScalar.resolve(Scalar(text, style: right.style, tag: rightTag)).mapKey
    }

    /// Keys written differently that Kubernetes reads as the same key (`true` and `True`, `1`
    /// and `0x1`, `~` and `null`, `"1"` and `1`): YAML resolves each plain key, and the JSON
    /// object Kubernetes decodes turns every key into text. Keys that are the same text are
    /// left to the text comparison. Only mappings with a key that may resolve to something other
    /// than a string (a number, a keyword such as `true` or `~`, or a tagged one) pay for
    /// resolving.
    private mutating func reportEquivalentKeys(from firstPending: Int, pairCount: Int) {
        var mayResolve = false
        for index in 0..<pairCount {
            let record = records[Int(pending[firstPending + index * 2])]
            guard record.kind == .scalar else { continue }
            if record.hasTag || (record.style == .plain && withBytes(of: record) { ResolvedScalar.mayResolveNonString($0) }) {
                mayResolve = true
                break
            }
        }
        guard mayResolve else { return }
        var firstByKey: [String: UInt32] = [:]
        var texts: Set<String> = []
        for index in 0..<pairCount {
            let key = pending[firstPending + index * 2]
            let record = records[Int(key)]
            guard record.kind == .scalar, !isMergeKey(key), let text = scalarText(key) else { continue }
            let tag = record.hasTag ? tagOfNode[key].map { tags[Int($0)] } : nil
            let mapKey = ResolvedScalar.resolve(Scalar(text, style: record.style, tag: tag)).mapKey
            guard texts.insert(text).inserted else { continue }
            if let first = firstByKey[mapKey] {
                problems.append(YAMLProblem(
                    kind: .equivalentKey(key: text, first: start(of: first), firstKey: scalarText(first) ?? "", mapKey: mapKey),
                    mark: start(of: key)
                ))
            } else {
                firstByKey[mapKey] = key
            }
        }
    }

    /// Fills `keyHashes` with a non-zero hash of each scalar key's bytes (0 for keys that take
    /// no part: non-scalars and `<<`); false when a key is not ASCII, where equal text may be
    /// different bytes.
    private mutating func hashASCIIKeys(from firstPending: Int, pairCount: Int) -> Bool {
        keyHashes.removeAll(keepingCapacity: true)
        for index in 0..<pairCount {
            let record = records[Int(pending[firstPending + index * 2])]
            guard record.kind == .scalar else {
                keyHashes.append(0)
                continue
            }
            // FNV-1a, with the length folded in.
            let (hash, combined, mergeText) = withBytes(of: record) { bytes in
                var hash = FNV1a.offsetBasis ^ UInt64(bytes.count)
                var mergeText = bytes.count == 2
                var combined: UInt8 = 0
                for byte in bytes {
                    combined |= byte
                    if byte != UInt8(ascii: "<") { mergeText = false }
                    hash = FNV1a.step(hash, byte)
                }
                return (hash, combined, mergeText)
            }
            if combined >= 0x80 { return false }
            keyHashes.append(mergeText ? 0 : hash | 1)
        }
        return true
    }

    // MARK: - libyaml values

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
