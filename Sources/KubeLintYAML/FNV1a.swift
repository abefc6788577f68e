/// The 64-bit FNV-1a hash of bytes, for the tables that look text up by its bytes in place
/// (merge-key detection, shared texts, schema fields). The bytes are a buffer, not any
/// sequence: callers in other modules hash on hot paths, and a generic function of a `package`
/// module is not specialised for them (only `public` code is, by cross-module optimisation).
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` with `byte` folded in.
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64 = offsetBasis) -> UInt64 {
        var hash = start
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }
}
