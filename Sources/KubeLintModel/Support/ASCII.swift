/// Byte classes of ASCII text: Kubernetes names, label syntax, host names and URLs are all
/// ASCII, and reading them as bytes avoids Character-by-Character (grapheme) work. Inlinable:
/// the checks run on every name of a tree, from the modules above too.
public enum ASCII {
    @inlinable public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    @inlinable public static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    @inlinable public static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    @inlinable public static func isLetter(_ byte: UInt8) -> Bool { isLowercase(byte) || isUppercase(byte) }

    @inlinable public static func uppercased(_ byte: UInt8) -> UInt8 { isLowercase(byte) ? byte - 32 : byte }
    @inlinable public static func lowercased(_ byte: UInt8) -> UInt8 { isUppercase(byte) ? byte + 32 : byte }
}
