import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Input rules turn what the loader could not read into findings. They cannot be disabled, and
/// any of their findings makes the run exit 2.
protocol InputDiagnosticRule: Rule {
    static var diagnosticKinds: Set<LoadDiagnostic.Kind> { get }
}

extension InputDiagnosticRule {
    package func check(_ context: LintContext) -> [Finding] {
        context.tree.diagnostics.filter { Self.diagnosticKinds.contains($0.kind) }.map { diagnostic in
            finding(diagnostic.message, file: diagnostic.file, at: diagnostic.mark ?? .start)
        }
    }
}
