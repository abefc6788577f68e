/// What a quantity that does not parse was probably meant to be: the units people write from
/// habit (`512mb`, `1GB`, `2gi`, `0.5cpu`) turned into what Kubernetes reads.
///
/// - Byte units (`KB`, `mb`, `GB`, `Gb`, `1g`, `1K`): the binary suffix (`Mi`), which is what
///   memory and storage are usually counted in and what Docker's `512m` or `1g` mean; the
///   message also names the decimal suffix (`M`, 10^6 bytes), which is what `MB` says to the
///   letter, so the reader picks.
/// - A binary suffix in the wrong case or with a `B` (`2gi`, `1GI`, `512MiB`): that suffix.
/// - A bare `B`, `byte` or `bytes` (`1024B`): the number alone, since quantities count bytes.
/// - CPUs (`0.5cpu`, `2 cores`, `1vcpu`): the number alone; millicores (`500mcpu`,
///   `250millicores`): the number with `m`.
///
/// Spaces (`500 m`) are taken out before, by `ValueSyntax.quantity`, which says so when that
/// is all that is wrong. Lowercase `m` is left alone: `512m` parses (as 0.512), so it never reaches here.
enum QuantitySuggestion {
    /// "; did you mean '512Mi' (mebibytes; '512M' is megabytes)?", or nil when there is no
    /// likely reading. `number` is the quantity's sign and digits as written, `unit` the rest
    /// without spaces.
    static func hint(number: String, unit: String) -> String? {
        let lowered = unit.lowercased()
        if let prefix = bytePrefix(unit: unit, lowered: lowered) {
            guard let family = families.first(where: { $0.decimal.lowercased() == prefix }) else { return nil }
            return "; did you mean '\(number)\(family.binary)' (\(family.binaryName); '\(number)\(family.decimal)' is \(family.decimalName))?"
        }
        if let binary = families.first(where: { [$0.binary.lowercased(), $0.binary.lowercased() + "b"].contains(lowered) }) {
            return "; did you mean '\(number)\(binary.binary)'?"
        }
        if ["b", "byte", "bytes"].contains(lowered) {
            return "; did you mean '\(number)' (a quantity without a suffix counts bytes)?"
        }
        if ["cpu", "cpus", "vcpu", "vcpus", "core", "cores"].contains(lowered) {
            return "; did you mean '\(number)' (a CPU amount is a number of CPUs, or of thousandths with m: '500m')?"
        }
        if ["mcpu", "millicpu", "millicpus", "millicore", "millicores", "mcore", "mcores"].contains(lowered) {
            return "; did you mean '\(number)m'?"
        }
        return nil
    }

    /// The decimal prefix (`k`, `m`, `g`, ...) of a byte unit as people write it: `KB`, `mb`,
    /// `Gb`, `GB`; Docker's `g`, `t`, `p`; and `K`, which Kubernetes does not read (only `k`).
    private static func bytePrefix(unit: String, lowered: String) -> String? {
        if lowered.count == 2, lowered.hasSuffix("b"), let first = lowered.first, "kmgtpe".contains(first) {
            return String(first)
        }
        if ["g", "t", "p"].contains(lowered) || unit == "K" { return lowered }
        return nil
    }

    private struct Family {
        var binary: String
        var binaryName: String
        var decimal: String
        var decimalName: String
    }

    private static let families = [
        Family(binary: "Ki", binaryName: "kibibytes", decimal: "k", decimalName: "kilobytes"),
        Family(binary: "Mi", binaryName: "mebibytes", decimal: "M", decimalName: "megabytes"),
        Family(binary: "Gi", binaryName: "gibibytes", decimal: "G", decimalName: "gigabytes"),
        Family(binary: "Ti", binaryName: "tebibytes", decimal: "T", decimalName: "terabytes"),
        Family(binary: "Pi", binaryName: "pebibytes", decimal: "P", decimalName: "petabytes"),
        Family(binary: "Ei", binaryName: "exbibytes", decimal: "E", decimalName: "exabytes"),
    ]
}
