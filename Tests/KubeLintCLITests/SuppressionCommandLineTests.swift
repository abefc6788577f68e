import Foundation
import Testing

@Suite("Suppressions and --changed-files on the command line")
struct SuppressionCommandLineTests {
    static let commentCase = "fixtures/cases/suppression-comment/k8s"

    @Test func suppressedFindingsAreCountedAndListedOnRequest() throws {
        let counted = try Kubelint.run([Self.commentCase, "--color", "never"])
        #expect(counted.status == 0)
        #expect(counted.output == "no problems in 1 file (1 resource), 2 suppressed\n")
        let listed = try Kubelint.run([Self.commentCase, "--color", "never", "--show-suppressed"])
        #expect(listed.status == 0)
        #expect(listed.output.contains(
            "\(Self.commentCase)/vendor/redis.yaml:26:21: suppressed: Secret redis-auth (env REDIS_PASSWORD of container redis) is not in the tree in namespace 'default'; the pod needs its key 'password' [secret-missing]\n"
            + "\(Self.commentCase)/vendor/redis.yaml:25:15: note: comment kubelint:ignore secret-missing: created by the chart's pre-install hook\n"
        ), "\(listed.output)")
    }

    @Test func changedFilesReportsOnlyWhatConcernsThem() throws {
        // The case tree reports findings in web.yaml; nothing in it concerns another file.
        let tree = "fixtures/cases/suppression-annotation/k8s"
        let unrelated = try Kubelint.run(["--changed-files", "--tree", tree, "README.md", "--color", "never"])
        #expect(unrelated.status == 0, "\(unrelated.output)")
        // The summary says what was left out, so a clean hook run does not read as a clean tree.
        #expect(unrelated.output == "no problems in 1 file (2 resources); 3 findings about unchanged files left out\n")
        let concerned = try Kubelint.run(["--changed-files", "--tree", tree, tree + "/web.yaml", "--quiet"])
        #expect(concerned.status == 1)
        #expect(concerned.output.split(separator: "\n").count == 3)
    }

    @Test func treeWithoutChangedFilesIsAUsageError() throws {
        let outcome = try Kubelint.run(["--tree", "k8s", "k8s/a.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--tree is for --changed-files"))
    }

    @Test func aRunThatFindsNoObjectsExitsTwo() throws {
        let outcome = try Kubelint.run(["fixtures/cases/no-objects/k8s", "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.output.hasPrefix("fixtures/cases/no-objects/k8s:1:1: error: no Kubernetes objects in fixtures/cases/no-objects/k8s"))
    }
}
