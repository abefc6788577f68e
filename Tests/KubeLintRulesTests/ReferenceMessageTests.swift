import Testing
import KubeLintModel
@testable import KubeLintRules

/// Messages about a pod's references say where the reference is made in words a reader can
/// follow back to the manifest.
@Suite("Messages of ConfigMap and Secret references")
struct ReferenceMessageTests {
    @Test func aContainerWithoutANameIsDescribedAsSuch() {
        // Knative's Service runs a single container that usually has no name.
        let manifest = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: hello
            spec:
              template:
                spec:
                  containers:
                  - image: hello
                    env:
                    - name: GREETING
                      valueFrom:
                        configMapKeyRef: {name: greetings, key: hello}
                    envFrom:
                    - secretRef: {name: hello-credentials}
            """
        let tree = Loader.load([.bytes(name: "hello.yaml", Array(manifest.utf8))])
        let messages = Linter(configuration: LintConfiguration()).lint(tree).findings
            .filter { $0.ruleID == "configmap-missing" || $0.ruleID == "secret-missing" }.map(\.message)
        #expect(messages == [
            "ConfigMap greetings (env GREETING of the container without a name) is not in the tree in namespace 'default'",
            "Secret hello-credentials (envFrom of the container without a name) is not in the tree in namespace 'default'",
        ])
    }
}
