import KubeLintModel

/// Suppressions written as YAML comments, for files people cannot annotate (vendored charts,
/// generated output): `# kubelint:ignore <rule-id>[,<rule-id>...] <reason>`. A comment after
/// content applies to its own line; a comment on a line of its own applies to the next line
/// that is not a comment, so several such lines can stack above one line.
enum CommentSuppressions {
    static let ignoreDirective = "kubelint:ignore"
    private static let directivePrefix = "kubelint:"

    /// A suppression and the line whose findings it accepts.
    struct Placed {
        var suppression: Suppression
        var targetLine: Int
    }

    static func read(_ file: SourceFile, catalog: LintCatalog) -> (suppressions: [Placed], invalid: [InvalidSuppression]) {
        // Most files hold no directive; only those that mention one are scanned and parsed again.
        guard mentionsDirective(file.bytes) else { return ([], []) }
        let text = YAMLComments(file.bytes)
        var placed: [Placed] = []
        var invalid: [InvalidSuppression] = []
        let standaloneCommentLines = Set(text.comments.filter { !$0.followsContent }.map(\.line))
        for comment in text.comments {
            let body = comment.text.drop { $0 == " " || $0 == "\t" }
            guard body.hasPrefix(directivePrefix), body.dropFirst(directivePrefix.count).first?.isLetter == true else { continue }
            // Column of a part of the comment: the `#`, one, then the characters before it.
            let column = { (part: Substring) in comment.column + 1 + comment.text.unicodeScalars.distance(from: comment.text.startIndex, to: part.startIndex) }
            let location = FileLocation(file: file.path, line: comment.line, column: comment.column)
            let words = body.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
            guard let directive = words.first, directive == ignoreDirective else {
                let name = words.first.map(String.init) ?? String(body)
                invalid.append(InvalidSuppression(location: location, message: "unknown directive '\(name)'; write # \(ignoreDirective) <rule-id> <reason>"))
                continue
            }
            guard words.count >= 2, words[1].contains(where: { $0 != "," }) else {
                invalid.append(InvalidSuppression(location: location, message: "\(ignoreDirective) names no rule; write # \(ignoreDirective) <rule-id> <reason>"))
                continue
            }
            let reason = words.count == 3 ? reasonText(words[2]) : ""
            let target = comment.followsContent ? comment.line : nextContentLine(after: comment.line, in: text, commentLines: standaloneCommentLines)
            var ruleIDs: [String] = []
            // `a,b` names two rules; a trailing comma before the reason is harmless.
            for part in words[1].split(separator: ",") {
                let ruleID = String(part)
                let partLocation = FileLocation(file: file.path, line: comment.line, column: column(part))
                if ruleID == IgnoreEntry.everyRule {
                    invalid.append(InvalidSuppression(location: partLocation, message: "\(ignoreDirective) must name each rule by its id"))
                } else if let problem = catalog.suppressionProblem(ruleID: ruleID) {
                    invalid.append(InvalidSuppression(location: partLocation, message: "\(ignoreDirective): \(problem)"))
                } else {
                    ruleIDs.append(ruleID)
                }
            }
            guard !reason.isEmpty else {
                invalid.append(InvalidSuppression(
                    location: location,
                    message: "\(ignoreDirective) \(words[1]) gives no reason; say why after the rule id (the suppression is not applied)",
                    reasonless: InvalidSuppression.Reasonless(ruleIDs: ruleIDs, line: target)
                ))
                continue
            }
            for ruleID in ruleIDs {
                placed.append(Placed(
                    suppression: Suppression(origin: .comment, ruleID: ruleID, reason: reason, location: location),
                    targetLine: target
                ))
            }
        }
        return (placed, invalid)
    }

    /// The reason as written, without a leading separator (`--`, `—`, `:`) people often put.
    private static func reasonText(_ text: Substring) -> String {
        let trimmed = text.drop { $0 == "-" || $0 == "—" || $0 == "–" || $0 == ":" || $0.isWhitespace }
        return String(trimmed.reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The first line after `line` that is not a comment of its own; 0 when the file ends first.
    private static func nextContentLine(after line: Int, in text: YAMLComments, commentLines: Set<Int>) -> Int {
        var next = line + 1
        while next <= text.lines.count, commentLines.contains(next) { next += 1 }
        return next <= text.lines.count ? next : 0
    }

    private static func mentionsDirective(_ bytes: [UInt8]) -> Bool {
        let needle = Array(directivePrefix.utf8)
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
