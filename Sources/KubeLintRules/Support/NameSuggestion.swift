/// "Did you mean": the known name closest to a misspelt one. Every suggestion kubelint makes
/// goes through here (field names, kinds, configuration keys, rule ids, object names, data keys,
/// volume names), so they all answer by the same policy:
///
/// - a name equal to the word but for case wins outright (`containerport` → `containerPort`);
/// - otherwise the closest name by optimal string alignment distance (insertions, deletions,
///   substitutions and swaps of adjacent characters each count one edit), compared ignoring case;
/// - within `limit(forLength:)` edits of what was typed: a third of its length, at least one and
///   at most three, and never the whole word (a one-letter word is not "close" to another letter);
/// - ties go to the name that sorts first, so the answer never depends on the order of names.
///
/// The lowest layer that suggests names is the rules layer (schema fields, configuration,
/// references); the driver's `explain` uses it too.
public enum NameSuggestion {
    /// The name closest to `word`, or nil when none is close. `word` itself is never suggested.
    public static func closest(to word: String, among names: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard !lowered.isEmpty else { return nil }
        let limit = limit(forLength: lowered.count)
        var best: (distance: Int, name: String)?
        for name in names where name != word {
            let candidate = Array(name.lowercased().unicodeScalars)
            let distance: Int
            if candidate == lowered {
                distance = 0
            } else {
                guard abs(candidate.count - lowered.count) <= limit else { continue }
                distance = editDistance(lowered, candidate)
                guard distance <= limit else { continue }
            }
            if let current = best, (current.distance, current.name) <= (distance, name) { continue }
            best = (distance, name)
        }
        return best?.name
    }

    /// "; did you mean 'x'?" when a name is close to `word`, else nothing: the tail a message
    /// about a misspelt name ends with.
    public static func hint(for word: String, among names: some Sequence<String>) -> String {
        closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// How many edits a suggestion may be from a word of `length` characters.
    static func limit(forLength length: Int) -> Int {
        min(max(1, length / 3), 3, max(0, length - 1))
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

    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}
