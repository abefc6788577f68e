import Testing
import KubeLintBench
import KubeLintDriver
import KubeLintModel

@Suite("The benchmark's tree generator")
struct TreeGeneratorTests {
    @Test func sameArgumentsGiveTheSameTree() {
        #expect(TreeGenerator(apps: 12).files() == TreeGenerator(apps: 12).files())
        #expect(TreeGenerator(apps: 12, seed: 1).files() != TreeGenerator(apps: 12, seed: 2).files())
    }

    @Test func treeHasEveryKindAndSomeMultiDocumentFiles() {
        let files = TreeGenerator(apps: 10).files()
        let text = files.map(\.contents).joined()
        for kind in ["Deployment", "Service", "ConfigMap", "PersistentVolumeClaim", "Ingress"] {
            #expect(text.contains("kind: \(kind)\n"), "no \(kind)")
        }
        #expect(files.contains { $0.contents.contains("\n---\n") })
        #expect(text.contains("configMapKeyRef"))
    }

    @Test func generatedTreeLintsCleanWithTheExpectedResources() throws {
        let generator = TreeGenerator(apps: 3)
        let inputs = generator.files().map { Loader.Input.bytes(name: $0.path, Array($0.contents.utf8)) }
        let tree = Loader.load(inputs)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.resources.count == generator.resourceCount)
        #expect(generator.resourceCount == 13)
        let kinds = tree.resources.compactMap { $0.kind?.value }
        #expect(kinds.filter { $0 == "Deployment" }.count == 3)
        #expect(kinds.filter { $0 == "Ingress" }.count == 1)
        #expect(tree.resources.allSatisfy { $0.issues.isEmpty })
    }
}
