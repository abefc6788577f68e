import Foundation
import Testing

@Suite("kubelint fix on the command line")
struct FixCommandLineTests {
    @Test func helpDescribesFixAndItsExitStatus() throws {
        let outcome = try Kubelint.run(["fix", "--help"])
        #expect(outcome.status == 0)
        for expected in ["USAGE: kubelint fix [<path> ...] [--dry-run] [--kube-version X.Y]", "--dry-run", "--kube-version <X.Y>",
                         "--fail-on <severity>", "Only the keys, values and lines that must change", "Exit status: 0 when no finding"] {
            #expect(outcome.output.contains(expected), "missing \(expected)")
        }
        #expect(try Kubelint.run(["--help"]).output.contains("kubelint fix [<path> ...]"))
    }

    @Test func explainSaysWhatFixDoes() throws {
        let fixable = try Kubelint.run(["explain", "api-version-removed"])
        #expect(fixable.output.contains("\nkubelint fix:\n  Moves the object to the apiVersion the target release serves"))
        let other = try Kubelint.run(["explain", "configmap-missing"])
        #expect(!other.output.contains("kubelint fix:"))
    }

    @Test func aDryRunOfTheStagingTreePrintsTheIngressDiff() throws {
        let outcome = try Kubelint.run(["fix", "--dry-run", "--kube-version", "1.37", "fixtures/staging/k8s"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("--- a/fixtures/staging/k8s/ingresscontroller/ingress-controller.yaml\n"))
        #expect(outcome.output.contains("\n-apiVersion: extensions/v1beta1\n+apiVersion: networking.k8s.io/v1\n"))
        #expect(outcome.error.contains("would fix 1 finding in 1 file (dry run: nothing written)"))
        // The repository's copy is left as it is.
        let ingress = try String(contentsOfFile: Kubelint.repositoryRoot + "/fixtures/staging/k8s/ingresscontroller/ingress-controller.yaml", encoding: .utf8)
        #expect(ingress.hasPrefix("apiVersion: extensions/v1beta1\n"))
    }

    @Test func aMissingPathExitsTwo() throws {
        let outcome = try Kubelint.run(["fix", "--dry-run", "no/such/dir"])
        #expect(outcome.status == 2)
        #expect(outcome.output.isEmpty)
    }
}
