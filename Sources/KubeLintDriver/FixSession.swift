import KubeLintModel
import KubeLintReport
import KubeLintEngine

/// One invocation of `kubelint fix`: what to read and how to judge it (as for `lint`), and
/// whether to write.
package struct FixRequest: Sendable {
    /// Paths, configuration, target release, `--fail-on` and colours; report formats and
    /// `--changed-files` do not apply to fix.
    package var lint: LintRequest
    /// Print a unified diff instead of writing.
    package var dryRun: Bool

    package init(lint: LintRequest, dryRun: Bool = false) {
        self.lint = lint
        self.dryRun = dryRun
    }
}

/// `kubelint fix`: lint, apply the fixes the rules declare (`FixLoop`, in memory), then write
/// the changed files, or print their diff. The exit status is lint's on the fixed tree: 0 when
/// nothing at or above `--fail-on` remains, 1 when something does, 2 on input errors and on a
/// file that could not be written.
package enum FixSession {
    /// Loads, fixes in memory and lints the result; writes nothing.
    package static func fix(_ request: FixRequest, standardInput: () -> [UInt8] = { [] }) -> FixRun {
        let setup = LintSetup(request.lint)
        var (inputs, discovery) = Loader.discover(setup.paths, options: setup.loadOptions)
        if let index = inputs.firstIndex(where: { if case .file(Loader.standardInputName) = $0 { true } else { false } }) {
            inputs[index] = .bytes(name: Loader.standardInputName, standardInput())
        }
        // A round's changed files are read from memory, the others from disk again.
        let load = { (contents: [String: [UInt8]]) -> LoadedTree in
            let current = inputs.map { input -> Loader.Input in
                if case .file(let path) = input, let bytes = contents[path] { return .bytes(name: path, bytes) }
                if case .bytes(let name, _) = input, let bytes = contents[name] { return .bytes(name: name, bytes) }
                return input
            }
            var tree = Loader.load(current, options: setup.loadOptions)
            tree.diagnostics = discovery + tree.diagnostics
            return tree
        }
        let tree = load([:])
        let configuration = setup.configuration(for: tree)
        let linter = Linter(configuration: configuration, parallel: setup.loadOptions.parallel)
        return FixLoop.run(tree, linter: linter, inputs: setup.paths, reload: load)
    }

    /// The whole run: fix, write (or print the diff), report, return the exit status.
    package static func run(_ request: FixRequest, streams: OutputStreams) -> ExitStatus {
        let run = fix(request, standardInput: streams.standardInput)
        var status = ExitStatus.of(run.result, failOn: request.lint.failOn)
        let style = request.lint.color.style(
            isTerminal: streams.standardOutputIsTerminal, environmentVariable: streams.environmentVariable
        )
        // A dry run's diff goes to standard output alone, so that it can be piped to
        // `git apply`; what would be fixed and what remains go to standard error.
        func say(_ text: String) throws(OutputFile.WriteError) {
            if request.dryRun { streams.standardError(text) } else { try streams.standardOutput(text) }
        }
        do {
            if request.dryRun {
                for file in run.changedFiles {
                    try streams.standardOutput(UnifiedDiff.render(path: file.path, original: file.original, fixed: file.fixed))
                }
            } else {
                for file in run.changedFiles {
                    do {
                        guard file.path != Loader.standardInputName else {
                            throw OutputFile.WriteError(path: file.path, reason: "standard input cannot be fixed in place; use --dry-run for a diff")
                        }
                        try FixedFileWriter.write(file.fixed, to: file.path)
                    } catch {
                        streams.standardError("kubelint: \(error)\n")
                        status = .inputError
                    }
                }
            }
            let textStyle: TextStyle = request.dryRun ? .plain : style
            try say(FixReporter(style: textStyle, dryRun: request.dryRun).render(run) + "\n")
            var sources: [String: SourceFile] = [:]
            for file in run.tree.files { sources[file.path] = file }
            let report = Report(result: run.result, sources: sources, toolVersion: KubeLintVersion.current, failureThreshold: request.lint.failOn)
            try say(TextReporter(style: textStyle, quiet: request.lint.quiet).render(report))
        } catch {
            // Standard output could not take the text (a closed pipe, a full disk).
            streams.standardError("kubelint: \(error)\n")
            status = .inputError
        }
        return status
    }
}
