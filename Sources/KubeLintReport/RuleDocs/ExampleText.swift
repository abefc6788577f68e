import KubeLintEngine

/// A rule example as readers see it: the `↓` markers are taken out, so the YAML reads as
/// written, and each marked line is followed by a line of carets under the marked columns,
/// like the text report's code frames.
struct ExampleText {
    var lines: [String]

    init(_ yaml: String) {
        var lines: [String] = []
        for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = ""
            var columns: [Int] = []
            var column = 1
            for scalar in rawLine.unicodeScalars {
                if Character(scalar) == Example.marker {
                    columns.append(column)
                } else {
                    text.unicodeScalars.append(scalar)
                    column += 1
                }
            }
            if columns.isEmpty {
                lines.append(VisibleText.make(text, keepingTabs: true))
            } else {
                lines += CodeFrame(text: Substring(text), columns: columns).render(style: .plain, caretRole: .note)
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// The files of an example: the main manifest, the other files of its tree, and its
    /// configuration, each with the name the example tests give it.
    static func files(of example: Example) -> [(name: String, lines: [String])] {
        var files = [(name: "example.yaml", lines: ExampleText(example.yaml).lines)]
        for (name, content) in example.otherFiles.sorted(by: { $0.key < $1.key }) {
            files.append((name: name, lines: ExampleText(content).lines))
        }
        if let configuration = example.configuration {
            files.append((name: ".kubelint.yaml", lines: ExampleText(configuration).lines))
        }
        return files
    }
}
