import ArgumentParser
import KubeLintDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Kubelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelint",
        abstract: "Check Kubernetes manifests for what would break a cluster, before they reach one.",
        discussion: """
            Reads YAML manifests (files, directories searched recursively for .yaml/.yml, or - \
            for standard input), checks each object and the references between them, and prints \
            findings as path:line:column lines.

            Exit status: 0 when there are no errors, 1 when there are, 2 on a usage error or a \
            file that could not be read or parsed (everything else is still checked).
            """,
        version: KubeLintVersion.current
    )

    @Argument(help: ArgumentHelp("Files or directories to check; - reads standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let request = LintRequest(
            paths: paths,
            format: OutputFormat(rawValue: format.rawValue) ?? .text,
            outputPath: output
        )
        let status = LintSession.run(request, streams: .process)
        throw ExitCode(status.rawValue)
    }

    /// ArgumentParser exits 64 on usage errors; kubelint's contract is 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            // --help and --version arrive here as "errors" with a success status.
            guard exitCode(for: error) == .success else {
                writeAll(2, fullMessage(for: error) + "\n")
                Self.exit(withError: ExitCode(ExitStatus.inputError.rawValue))
            }
            Self.exit(withError: error)
        }
    }
}

extension OutputStreams {
    static let process = OutputStreams(
        standardOutput: { text in writeAll(1, text) },
        standardError: { text in writeAll(2, text) },
        standardInput: {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[0..<count])
            }
            return bytes
        }
    )
}

/// Writes all of `text` to a file descriptor, retrying short writes.
func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}
