/// The 64-bit FNV-1a hash of bytes, for the tables that look text up by its bytes in place
/// (merge-key detection, shared texts, schema fields). Inlinable: the callers in other modules
/// hash on hot paths, where an unspecialised generic call cost more than the hashing.
package enum FNV1a {
    package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` with `byte` folded in.
    @inlinable
    package static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    @inlinable
    package static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from start: UInt64 = offsetBasis) -> UInt64 {
        var hash = start
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }
}
