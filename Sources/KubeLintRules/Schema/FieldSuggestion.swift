/// "Did you mean": the known name closest to a misspelt one.
enum FieldSuggestion {
    /// The name equal to `word` ignoring case, else the one within a small edit distance
    /// (adjacent swaps count as one edit); nil when nothing is close. Ties go to the name that
    /// sorts first, so the answer never depends on dictionary order.
    static func closest(to word: String, among names: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard !lowered.isEmpty else { return nil }
        let limit = max(1, min(3, lowered.count / 3))
        var best: (distance: Int, name: String)?
        for name in names {
            let candidate = Array(name.lowercased().unicodeScalars)
            if candidate == lowered { return name }
            guard abs(candidate.count - lowered.count) <= limit else { continue }
            let distance = editDistance(lowered, candidate)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.name) <= (distance, name) { continue }
            best = (distance, name)
        }
        return best?.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent characters each cost one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
