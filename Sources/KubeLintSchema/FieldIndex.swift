import KubeLintEngine
import KubeLintModel
import KubeLintYAML

/// Every type's fields, found by the bytes of their names.
///
/// The schema walk looks up every key of every object; building a `String` for each key and
/// hashing it into the type's dictionary was most of the walk's cost. Here a key's bytes are
/// hashed in place (FNV-1a, with the type's number) into one open-addressed table.
///
/// Byte equality is `String` equality only between ASCII texts, so lookups are exact only for
/// ASCII keys and while every field name is ASCII (`isExact`); other keys go through the
/// dictionary (`TypeSchema.fields`), which compares by canonical equivalence.
struct FieldIndex: Sendable {
    private struct Entry: Sendable {
        var type: Int
        var nameStart: Int
        var nameCount: Int
        var field: SchemaTable.Field
    }

    /// Indexes into `entries`, -1 for an empty slot; the size is a power of two.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    /// The field names' bytes, one after another.
    private var names: [UInt8] = []
    /// False when some field name is not ASCII: then only the dictionaries are exact.
    private(set) var isExact = true

    init() {}

    init(_ types: [SchemaTable.TypeSchema]) {
        let count = types.reduce(0) { $0 + $1.fields.count }
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        for (type, schema) in types.enumerated() {
            for field in schema.fields.values {
                let bytes = Array(field.name.utf8)
                if !bytes.allSatisfy({ $0 < 0x80 }) { isExact = false }
                var slot = bytes.withUnsafeBufferPointer { Self.hash($0, type: type) } & (size - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int32(entries.count)
                entries.append(Entry(type: type, nameStart: names.count, nameCount: bytes.count, field: field))
                names.append(contentsOf: bytes)
            }
        }
    }

    /// The field of `type` named `name`; callers pass only ASCII names, and only while
    /// `isExact`.
    func field(ofType type: Int, named name: UnsafeBufferPointer<UInt8>) -> SchemaTable.Field? {
        let position = find(ofType: type, named: name)
        return position < 0 ? nil : entries[Int(position)].field
    }

    /// `field(ofType:named:)` by number (-1: none), for reading its parts without copying it.
    func find(ofType type: Int, named name: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !slots.isEmpty else { return -1 }
        let mask = slots.count - 1
        var slot = Self.hash(name, type: type) & mask
        while true {
            let position = slots[slot]
            if position < 0 { return -1 }
            let entry = entries[Int(position)]
            if entry.type == type, entry.nameCount == name.count, sameBytes(name, at: entry.nameStart) {
                return position
            }
            slot = (slot + 1) & mask
        }
    }

    /// What the walk reads of the field at `position`, in one access to its entry.
    func walkParts(_ position: Int32) -> (type: Int32, check: Int32, absentThroughMinor: Int?, isDefaulted: Bool) {
        entries.withUnsafeBufferPointer { entries in
            let field = entries[Int(position)].field
            return (field.walkType, field.walkCheck, field.absentThroughMinor, field.isDefaulted)
        }
    }

    private func sameBytes(_ name: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        names.withUnsafeBufferPointer { names in
            var index = 0
            while index < name.count {
                if names[start + index] != name[index] { return false }
                index += 1
            }
            return true
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, type: Int) -> Int {
        var hash = FNV1a.hash(bytes)
        hash ^= UInt64(truncatingIfNeeded: type) &* 0x9E37_79B9_7F4A_7C15
        // Fold the high bits in: the mask keeps only the low ones.
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
