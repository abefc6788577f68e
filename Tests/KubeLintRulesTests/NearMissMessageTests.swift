import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintSecurityRules
@testable import KubeLintPracticeRules
@testable import KubeLintDriver

/// Mistakes whose fix kubelint can name: a unit written from habit, a field one level too high,
/// an apiVersion the target cluster does not serve.
@Suite("Near misses")
struct NearMissMessageTests {
    private func messages(_ yaml: String, rule: String, target: KubernetesVersion = .defaultTarget) -> [String] {
        let tree = Loader.load([.bytes(name: "test.yaml", Array(yaml.utf8))])
        let configuration = LintConfiguration(kubernetesVersion: target)
        return Linter(configuration: configuration).lint(tree).findings.filter { $0.ruleID == rule }.map(\.message)
    }

    /// A Pod whose only container requests `amount` of `resource`.
    private func request(_ resource: String, _ amount: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: web
            image: nginx
            resources:
              requests:
                \(resource): \(amount)
        """
    }

    @Test("quantities written from habit", arguments: [
        ("memory", "512mb", "'512mb' is not a valid quantity: unknown suffix 'mb'; did you mean '512Mi' (mebibytes; '512M' is megabytes)?"),
        ("memory", "1GB", "'1GB' is not a valid quantity: unknown suffix 'GB'; did you mean '1Gi' (gibibytes; '1G' is gigabytes)?"),
        ("memory", "500MB", "'500MB' is not a valid quantity: unknown suffix 'MB'; did you mean '500Mi' (mebibytes; '500M' is megabytes)?"),
        ("memory", "1.5Gb", "'1.5Gb' is not a valid quantity: unknown suffix 'Gb'; did you mean '1.5Gi' (gibibytes; '1.5G' is gigabytes)?"),
        ("memory", "64KB", "'64KB' is not a valid quantity: unknown suffix 'KB'; did you mean '64Ki' (kibibytes; '64k' is kilobytes)?"),
        ("memory", "1K", "'1K' is not a valid quantity: unknown suffix 'K'; did you mean '1Ki' (kibibytes; '1k' is kilobytes)?"),
        ("memory", "2g", "'2g' is not a valid quantity: unknown suffix 'g'; did you mean '2Gi' (gibibytes; '2G' is gigabytes)?"),
        ("ephemeral-storage", "1TB", "'1TB' is not a valid quantity: unknown suffix 'TB'; did you mean '1Ti' (tebibytes; '1T' is terabytes)?"),
        ("memory", "2gi", "'2gi' is not a valid quantity: unknown suffix 'gi'; did you mean '2Gi'?"),
        ("memory", "2GI", "'2GI' is not a valid quantity: unknown suffix 'GI'; did you mean '2Gi'?"),
        ("memory", "512MiB", "'512MiB' is not a valid quantity: unknown suffix 'MiB'; did you mean '512Mi'?"),
        ("memory", "1024B", "'1024B' is not a valid quantity: unknown suffix 'B'; did you mean '1024' (a quantity without a suffix counts bytes)?"),
        ("cpu", "0.5cpu", "'0.5cpu' is not a valid quantity: unknown suffix 'cpu'; did you mean '0.5' (a CPU amount is a number of CPUs, or of thousandths with m: '500m')?"),
        ("cpu", "2 cores", "'2 cores' is not a valid quantity: unknown suffix 'cores'; did you mean '2' (a CPU amount is a number of CPUs, or of thousandths with m: '500m')?"),
        ("cpu", "250millicores", "'250millicores' is not a valid quantity: unknown suffix 'millicores'; did you mean '250m'?"),
        ("cpu", "500 m", "'500 m' is not a valid quantity: it must not contain spaces; did you mean '500m'?"),
        ("memory", "2 GB", "'2 GB' is not a valid quantity: unknown suffix 'GB'; did you mean '2Gi' (gibibytes; '2G' is gigabytes)?"),
        // No likely reading: the suffixes Kubernetes reads are listed instead.
        ("cpu", "1,5", "'1,5' is not a valid quantity: unknown suffix ',5' (use Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent such as e3)"),
        ("memory", "1x", "'1x' is not a valid quantity: unknown suffix 'x' (use Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent such as e3)"),
        ("memory", "ten", "'ten' is not a valid quantity: it must start with a number"),
    ])
    func quantities(_ resource: String, _ amount: String, _ message: String) {
        #expect(messages(request(resource, amount), rule: "invalid-quantity") == ["spec.containers[0].resources.requests.\(resource): " + message])
    }

    @Test("what a suggestion proposes parses", arguments: ["512mb", "1GB", "2gi", "512MiB", "1024B", "0.5cpu", "250mcpu", "1K", "500 m"])
    func suggestionsAreValid(_ amount: String) throws {
        let reason = try #require(ValueSyntax.quantity(amount))
        let proposed = try #require(reason.firstMatch(of: /did you mean '([^']*)'/)?.1)
        #expect(ValueSyntax.quantity(String(proposed)) == nil, "\(proposed)")
    }

    /// A field written one level too high: the message names where it belongs.
    @Test func fieldsThatBelongOneLevelDown() {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    containerPort: 8080
                    mountPath: /data
                    Ports: []
                  volumes:
                  - name: data
                    claimName: data
                  - name: config
                    items: []
            """
        #expect(messages(yaml, rule: "unknown-field") == [
            "unknown field 'containerPort' in spec.template.spec.containers[0]; it belongs under ports[]",
            "unknown field 'mountPath' in spec.template.spec.containers[0]; it belongs under volumeMounts[]",
            // The same name but for case beats a field one level down.
            "unknown field 'Ports' in spec.template.spec.containers[0]; did you mean 'ports'?",
            "unknown field 'claimName' in spec.template.spec.volumes[0]; it belongs under persistentVolumeClaim",
            "unknown field 'items' in spec.template.spec.volumes[1]; it belongs under configMap, downwardAPI or secret",
        ])
    }
}
