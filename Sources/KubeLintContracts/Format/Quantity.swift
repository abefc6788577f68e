import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML
/// Kubernetes resource quantities (`1Gi`, `500M`, `1.5e9`), read to compare sizes written in
/// different units: `1Gi` and `1024Mi` are the same request.
package enum Quantity {
    private static let binarySuffixes: [String: Double] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]
    private static let decimalSuffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    ]

    /// The value of a quantity in base units; nil when the text is not a quantity.
    package static func value(_ text: String) -> Double? {
        let characters = Array(text)
        var index = 0
        var sign = 1.0
        if index < characters.count, characters[index] == "+" || characters[index] == "-" {
            sign = characters[index] == "-" ? -1 : 1
            index += 1
        }
        let numberStart = index
        var sawDigit = false
        var sawPoint = false
        while index < characters.count {
            let character = characters[index]
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == ".", !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit, let number = Double(String(characters[numberStart..<index])) else { return nil }
        let suffix = String(characters[index...])
        if let factor = binarySuffixes[suffix] ?? decimalSuffixes[suffix] {
            return sign * number * factor
        }
        // Decimal exponent: `e` or `E` then a signed integer (`E` alone is exa, handled above).
        if let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()),
           abs(exponent) <= 30 {
            var result = number
            for _ in 0..<abs(exponent) { result = exponent > 0 ? result * 10 : result / 10 }
            return sign * result
        }
        return nil
    }

    /// Whether two quantities are equal in value (exactly, in binary floating point: the sizes
    /// manifests use are sums of powers of two and ten, which compare exactly).
    package static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard let left = value(lhs), let right = value(rhs) else { return lhs == rhs }
        if left == right { return true }
        let scale = max(abs(left), abs(right))
        return abs(left - right) <= scale * 1e-12
    }
}
