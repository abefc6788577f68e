import KubeLintModel
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
package enum NameSuggestion {
    /// The name closest to `word`, or nil when none is close. `word` itself is never suggested.
    package static func closest(to word: String, among names: some Sequence<String>) -> String? {
        Candidates(names).closest(to: word)
    }

    /// Names prepared once for many lookups (a rule suggesting names for many references
    /// among the same objects): each lowered, with the set of its characters, so that most
    /// names are ruled out in a few steps before any edit distance is computed.
    package struct Candidates: Sendable {
        private struct Name: Sendable {
            var text: String
            var lowered: [Unicode.Scalar]
            var characters: UInt64
        }

        private let names: [Name]

        package init(_ names: some Sequence<String>) {
            self.names = names.map { name in
                let lowered = Array(name.lowercased().unicodeScalars)
                return Name(text: name, lowered: lowered, characters: NameSuggestion.characterSet(of: lowered))
            }
        }

        package func closest(to word: String) -> String? {
            let lowered = Array(word.lowercased().unicodeScalars)
            guard !lowered.isEmpty else { return nil }
            let limit = limit(forLength: lowered.count)
            let characters = NameSuggestion.characterSet(of: lowered)
            var best: (distance: Int, name: String)?
            for name in names where name.text != word {
                let distance: Int
                if name.lowered == lowered {
                    distance = 0
                } else {
                    guard abs(name.lowered.count - lowered.count) <= limit,
                          characterDifference(characters, name.characters) <= limit else { continue }
                    distance = editDistance(lowered, name.lowered, limit: limit)
                    guard distance <= limit else { continue }
                }
                if let current = best, (current.distance, current.name) <= (distance, name.text) { continue }
                best = (distance, name.text)
            }
            return best?.name
        }

        /// "; did you mean 'x'?" when a name is close to `word`, else nothing.
        package func hint(for word: String) -> String {
            closest(to: word).map { "; did you mean '\($0)'?" } ?? ""
        }
    }

    /// "; did you mean 'x'?" when a name is close to `word`, else nothing: the tail a message
    /// about a misspelt name ends with.
    package static func hint(for word: String, among names: some Sequence<String>) -> String {
        Candidates(names).hint(for: word)
    }

    /// The characters of a name as a set of 64 buckets (by scalar value), one bit each.
    static func characterSet(of scalars: [Unicode.Scalar]) -> UInt64 {
        scalars.reduce(0) { $0 | 1 << UInt64($1.value % 64) }
    }

    /// A lower bound of the edit distance between two names from their character sets: each
    /// character one name has and the other lacks needs an edit of its own (a deletion or a
    /// substitution removes one character, an insertion adds one, a swap neither). Sharing
    /// buckets only hides differences, so the bound holds.
    static func characterDifference(_ a: UInt64, _ b: UInt64) -> Int {
        max((a & ~b).nonzeroBitCount, (b & ~a).nonzeroBitCount)
    }

    /// How many edits a suggestion may be from a word of `length` characters.
    static func limit(forLength length: Int) -> Int {
        min(max(1, length / 3), 3, max(0, length - 1))
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent characters each cost one. Past `limit` the exact value does not matter: any
    /// distance beyond it is `limit + 1`, returned as soon as a whole row of the table exceeds it.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max - 1) -> Int {
        if a.isEmpty || b.isEmpty { return min(a.count + b.count, limit + 1) }
        let width = b.count + 1
        // Three rows on the stack: suggestions compare a word with every name of a kind.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previousPrevious = rows.baseAddress!
            var previous = previousPrevious + width
            var current = previous + width
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previousPrevious[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previousPrevious, previous, current) = (previous, current, previousPrevious)
            }
            return min(previous[b.count], limit + 1)
        }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}
