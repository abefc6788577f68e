import Testing
import KubeLintModel
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

@Suite("Text report")
struct TextReporterTests {
    private func frame(_ line: String, column: Int, number: Int = 7) -> [String] {
        CodeFrame(text: Substring(line), column: column, lineNumber: number).render(style: .plain, caretRole: .error)
    }

    @Test func caretUnderTheColumn() {
        #expect(frame("  DEBUG: yes", column: 10) == [" 7 |   DEBUG: yes", "   |          ^"])
    }

    @Test func tabsBeforeTheColumnAreKeptSoTheCaretLinesUp() {
        #expect(frame("\tkey:\tvalue", column: 7) == [" 7 | \tkey:\tvalue", "   | \t    \t^"])
    }

    @Test func aColumnPastTheEndPointsJustAfterTheLine() {
        #expect(frame("key:", column: 5) == [" 7 | key:", "   |     ^"])
        #expect(frame("key:", column: 99) == [" 7 | key:", "   |     ^"])
        #expect(frame("", column: 1, number: 12) == [" 12 |", "    | ^"])
    }

    @Test func unicodeColumnsCountCharacters() {
        #expect(frame("name: ünïcode: x", column: 15) == [" 7 | name: ünïcode: x", "   |               ^"])
    }

    @Test func controlCharactersAreShownNotSentToTheTerminal() {
        let lines = frame("a: \u{1B}[2Jb", column: 9)
        #expect(lines == [" 7 | a: \u{241B}[2Jb", "   |         ^"])
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let lines = frame(line, column: 301)
        let shown = lines[0].dropFirst(" 7 | ".count)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(shown.count == CodeFrame.maxWidth + 2)
        let caret = lines[1].dropFirst("   | ".count)
        #expect(caret.count == CodeFrame.leadingContext + 2)
        #expect(Array(shown)[caret.count - 1] == "X")
    }

    @Test func printableASCIILinesFrameAsEveryOtherLine() {
        // The byte-wise path for printable ASCII must give what the character-wise path gives.
        let lines = ["", "a", "  DEBUG: yes", "key: value # comment", String(repeating: "x", count: 119),
                     String(repeating: "y", count: 120), String(repeating: "ab", count: 200)]
        for line in lines {
            for columns in [[1], [5], [40], [119], [120], [121], [160], [400], [1, 3], [7, 300], [500, 2]] {
                for number in [nil, 7, 12345] {
                    let frame = CodeFrame(text: Substring(line), columns: columns, lineNumber: number)
                    for style in [TextStyle.plain, .ansi] {
                        let fast = frame.renderPrintableASCII(style: style, caretRole: .warning)
                        #expect(fast == frame.renderScalars(style: style, caretRole: .warning), "\(line.prefix(20)) \(columns)")
                    }
                }
            }
        }
        #expect(CodeFrame(text: "a\tb", column: 1).renderPrintableASCII(style: .plain, caretRole: .error) == nil)
        #expect(CodeFrame(text: "ü", column: 1).renderPrintableASCII(style: .plain, caretRole: .error) == nil)
    }

    @Test func quietPrintsFindingLinesOnlyAndNothingWhenClean() {
        let quiet = TextReporter(quiet: true)
        #expect(quiet.render(Report(result: LintResult(findings: [], fileCount: 24, resourceCount: 24), toolVersion: "x")) == "")
        let lines = quiet.render(syntheticReport()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines.dropLast().allSatisfy { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": info: ") })
    }

    @Test func cleanRunSummary() {
        let report = Report(result: LintResult(findings: [], fileCount: 24, resourceCount: 24), toolVersion: "x")
        #expect(TextReporter().render(report) == "no problems in 24 files (24 resources)\n")
    }

    /// Files that are not manifests (values.yaml, a Helm template) are counted apart from resources.
    @Test func summaryCountsFilesThatAreNotManifestsApart() {
        let one = LintResult(findings: [], fileCount: 25, resourceCount: 24, notManifestCount: 1)
        #expect(TextReporter.summary(one) == "no problems in 25 files (24 resources, 1 file not a manifest)")
        let three = LintResult(findings: [], fileCount: 27, resourceCount: 24, notManifestCount: 3)
        #expect(TextReporter.summary(three) == "no problems in 27 files (24 resources, 3 files not manifests)")
    }

    @Test func coloursOnlyWithTheANSIStyle() {
        let plain = TextReporter(style: .plain).render(syntheticReport())
        let coloured = TextReporter(style: .ansi).render(syntheticReport())
        // The only escape in plain output would be one copied from the input, and those are made visible.
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2m[invalid-type]\u{1B}[0m"))
        #expect(stripANSI(coloured) == plain)
    }

    /// Every `note:` line shows its line, the configuration's included; a suppression's line is
    /// shown the first time it is named, not again for each finding it accepts.
    @Test func notesShowTheirLineAndASuppressionsLineOnce() {
        let configuration = SourceFile(path: ".kubelint.yaml", bytes: Array("""
            ignore:
            - rule: configmap-missing
              reason: made by the platform
            rulez: {}

            """.utf8))
        let manifest = SourceFile(path: "k8s/web.yaml", bytes: Array("""
            kind: Deployment
            metadata:
              name: web
              annotations:
                kubelint.dev/ignore.secret-missing: made by hand
            env: [platform-env, other-env, web-secret]

            """.utf8))
        func suppressed(_ message: String, column: Int, rule: String, origin: Suppression.Origin, at location: FileLocation) -> SuppressedFinding {
            SuppressedFinding(
                finding: Finding(ruleID: rule, severity: .error, message: message, location: FileLocation(file: "k8s/web.yaml", line: 6, column: column)),
                suppression: Suppression(origin: origin, ruleID: rule, reason: origin == .annotation ? "made by hand" : "made by the platform", location: location)
            )
        }
        let entry = FileLocation(file: ".kubelint.yaml", line: 2, column: 3)
        let annotation = FileLocation(file: "k8s/web.yaml", line: 5, column: 5)
        let invalid = Finding(
            ruleID: "config-invalid", severity: .error, message: "unknown key 'rulez' in the configuration; did you mean 'rules'?",
            location: FileLocation(file: ".kubelint.yaml", line: 4, column: 1),
            related: [Finding.Related(location: FileLocation(file: ".kubelint.yaml", line: 1, column: 1), message: "a note in the configuration")]
        )
        let result = LintResult(findings: [invalid], fileCount: 1, resourceCount: 1, suppressed: [
            suppressed("ConfigMap platform-env is not in the tree", column: 7, rule: "configmap-missing", origin: .configuration, at: entry),
            suppressed("ConfigMap other-env is not in the tree", column: 21, rule: "configmap-missing", origin: .configuration, at: entry),
            suppressed("Secret web-secret is not in the tree", column: 32, rule: "secret-missing", origin: .annotation, at: annotation),
        ])
        let report = Report(result: result, sources: [".kubelint.yaml": configuration, "k8s/web.yaml": manifest], toolVersion: "x")
        #expect(TextReporter(showSuppressed: true).render(report) == """
            .kubelint.yaml:4:1: error: unknown key 'rulez' in the configuration; did you mean 'rules'? [config-invalid]
             4 | rulez: {}
               | ^
            .kubelint.yaml:1:1: note: a note in the configuration
             1 | ignore:
               | ^

            k8s/web.yaml:6:7: suppressed: ConfigMap platform-env is not in the tree [configmap-missing]
            .kubelint.yaml:2:3: note: configuration ignore entry for configmap-missing: made by the platform
             2 | - rule: configmap-missing
               |   ^
            k8s/web.yaml:6:21: suppressed: ConfigMap other-env is not in the tree [configmap-missing]
            .kubelint.yaml:2:3: note: configuration ignore entry for configmap-missing: made by the platform
            k8s/web.yaml:6:32: suppressed: Secret web-secret is not in the tree [secret-missing]
            k8s/web.yaml:5:5: note: annotation kubelint.dev/ignore.secret-missing: made by hand
             5 |     kubelint.dev/ignore.secret-missing: made by hand
               |     ^

            1 error in 1 file (1 resource), 3 suppressed

            """)
    }

    /// `count` findings of `rule` with one message, one a file, and `others` of distinct rules.
    private func repetitiveReport(count: Int, others: Int = 0) -> Report {
        var findings = (0..<count).map { index in
            Finding(
                ruleID: "rwo-volume-rolling-update", severity: .error, message: "the claim is ReadWriteOnce",
                location: FileLocation(file: "k8s/app-\(100 + index).yaml", line: 9, column: 7)
            )
        }
        findings += (0..<others).map { index in
            Finding(
                ruleID: index % 2 == 0 ? "configmap-missing" : "string-expected", severity: index % 2 == 0 ? .warning : .error,
                message: "message \(index)", location: FileLocation(file: "k8s/other-\(index).yaml", line: 1, column: 1)
            )
        }
        findings.sort(by: Finding.reportOrder)
        return Report(result: LintResult(findings: findings, fileCount: count + others, resourceCount: count + others), toolVersion: "x")
    }

    @Test func aMessageRepeatedManyTimesIsPrintedUpToTheLimitThenCounted() {
        let output = TextReporter(repeatLimit: 3).render(repetitiveReport(count: 5))
        #expect(output == """
            k8s/app-100.yaml:9:7: error: the claim is ReadWriteOnce [rwo-volume-rolling-update]

            k8s/app-101.yaml:9:7: error: the claim is ReadWriteOnce [rwo-volume-rolling-update]

            k8s/app-102.yaml:9:7: error: the claim is ReadWriteOnce [rwo-volume-rolling-update]

            2 more findings not shown: each repeats a message printed 3 times above (--all-findings prints every finding):
              2 more: error: the claim is ReadWriteOnce [rwo-volume-rolling-update]

            5 errors in 5 files (5 resources)

            """)
    }

    @Test func withoutALimitAndInQuietModeEveryFindingIsPrinted() {
        let report = repetitiveReport(count: 12)
        let complete = TextReporter().render(report)
        #expect(complete.components(separatedBy: "[rwo-volume-rolling-update]\n").count - 1 == 12)
        #expect(!complete.contains("not shown"))
        let quiet = TextReporter(quiet: true, repeatLimit: 3).render(report)
        #expect(quiet.split(separator: "\n").count == 12)
    }

    @Test func manyFindingsEndWithACountPerRuleMostFirst() {
        let output = TextReporter(repeatLimit: 10).render(repetitiveReport(count: 120, others: 3))
        #expect(output.hasSuffix("""
            110 more findings not shown: each repeats a message printed 10 times above (--all-findings prints every finding):
              110 more: error: the claim is ReadWriteOnce [rwo-volume-rolling-update]

            Findings by rule:
              120  rwo-volume-rolling-update (error)
                2  configmap-missing (warning)
                1  string-expected (error)

            121 errors, 2 warnings in 123 files (123 resources)

            """))
        #expect(output.components(separatedBy: "[rwo-volume-rolling-update]\n").count - 1 == 10 + 1)
    }

    @Test func aHandfulOfFindingsHasNoCountPerRule() {
        let few = TextReporter().render(repetitiveReport(count: TextReporter.ruleCountThreshold))
        #expect(!few.contains("Findings by rule:"))
        let more = TextReporter().render(repetitiveReport(count: TextReporter.ruleCountThreshold + 1))
        #expect(more.contains("Findings by rule:\n  11  rwo-volume-rolling-update (error)\n\n11 errors in 11 files"))
    }

    private func stripANSI(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

@Suite("Source lines")
struct SourceLinesTests {
    @Test("split exactly as SourceFile.line splits", arguments: [
        "a\nb\n", "a\r\nb\r\nc", "\u{FEFF}first\nsecond", "x\ry\n\nz", "", "\n", "no break", "ü\r\n\r\nend\r",
    ])
    func matchesSourceFile(_ text: String) {
        let file = SourceFile(path: "f.yaml", bytes: Array(text.utf8))
        let lines = SourceLines(file)
        for number in 0...8 {
            #expect(lines.line(number) == file.line(number), "line \(number) of \(text.debugDescription)")
        }
    }
}
