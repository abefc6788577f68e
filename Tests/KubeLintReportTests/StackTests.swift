import Foundation
import Testing
import KubeLintModel
import KubeLintEngine
import KubeLintGraph
@testable import KubeLintDriver
@testable import KubeLintReport

/// The stack report of a tree of the repository, with its paths relative to the repository (as
/// `kubelint plan fixtures/...` run from its root writes them).
func stackReport(_ directory: String, kubernetesVersion: KubernetesVersion? = nil) throws -> StackReport {
    let discovered = Loader.discover([repositoryRoot + "/" + directory]).inputs
    let inputs: [Loader.Input] = try discovered.map { input in
        guard case .file(let path) = input else { return input }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return .bytes(name: String(path.dropFirst(repositoryRoot.count + 1)), bytes)
    }
    var configuration = LintConfiguration()
    if let kubernetesVersion { configuration.kubernetesVersion = kubernetesVersion }
    return StackSession.stack(Loader.load(inputs), configuration: configuration).report
}

/// `kubelint plan` and `kubelint graph` on the staging tree and on a tree written to show every
/// part of a plan (namespace, custom resources, a circle, references that lead nowhere, a file
/// holding objects of several steps).
@Suite("Plans and graphs")
struct StackTests {
    static let trees = ["staging": "fixtures/staging/k8s", "shop": "fixtures/stack/shop/k8s"]

    @Test(arguments: ["staging", "shop"])
    func goldenOutputs(_ tree: String) throws {
        let report = try stackReport(Self.trees[tree]!, kubernetesVersion: tree == "staging" ? KubernetesVersion(major: 1, minor: 13) : nil)
        try assertGolden(PlanTextReporter.render(report), "\(tree).plan.txt")
        try assertGolden(PlanJSONReporter.render(report), "\(tree).plan.json")
        try assertGolden(PlanShellReporter.render(report), "\(tree).plan.sh")
        try assertGolden(GraphMermaidReporter.render(report), "\(tree).graph.mmd")
        try assertGolden(GraphDOTReporter.render(report), "\(tree).graph.dot")
        try assertGolden(GraphJSONReporter.render(report), "\(tree).graph.json")
    }

    /// The deployment guide's order: claims → ConfigMaps → rdms → broker → the other
    /// components → Services → Ingress. kubelint's steps keep every dependency of it: what pods
    /// read comes first, rdms and broker before the components that reach them (api, monitor,
    /// scheduler, worker), the Ingress last. Where it differs (rdms and broker in one step,
    /// web with them, each Service with its workload) README explains why both are safe.
    @Test func theStagingPlanKeepsTheGuidesOrder() throws {
        let report = try stackReport("fixtures/staging/k8s", kubernetesVersion: KubernetesVersion(major: 1, minor: 13))
        let plan = report.plan
        func step(_ kind: String, _ name: String) throws -> Int {
            let position = try #require(report.graph.index.resources.firstIndex { $0.kind?.value == kind && $0.name == name })
            return try #require(plan.step(of: position))
        }
        let claims = try ["api-pv", "broker-pv", "rdms-pv", "web-pv", "worker-pv"].map { try step("PersistentVolumeClaim", $0) }
        let configMaps = try ["api-multi-api-env", "monitor-multi-monitor-env", "rdms-rdms-rdms-env", "scheduler-multi-api-env", "worker-multi-worker-env"]
            .map { try step("ConfigMap", $0) }
        let rdms = try step("Pod", "rdms")
        let broker = try step("Deployment", "broker")
        let components = try ["api", "monitor", "scheduler", "worker"].map { try step("Deployment", $0) }
        let ingress = try step("Ingress", "ingress-controller")

        #expect(claims.max()! <= configMaps.min()!)
        #expect(configMaps.max()! < rdms)
        #expect(rdms <= broker)
        #expect(broker < components.min()!)
        for (service, workload) in [("rdms", rdms), ("broker", broker)] {
            #expect(try step("Service", service) == workload, "Service \(service) goes with its workload")
        }
        for name in ["api", "monitor", "worker", "web"] {
            #expect(try step("Service", name) == step("Deployment", name), "Service \(name) goes with its Deployment")
        }
        #expect(ingress == plan.steps.count - 1)
        #expect(plan.steps[ingress].objects.count == 1)
        // The components wait for rdms and broker to be ready; nothing else waits.
        let waits = plan.steps.flatMap { $0.waitFor }.map { report.graph.key(of: $0).name }
        #expect(waits.sorted() == ["broker", "rdms"])
        #expect(plan.steps[components.min()!].waitFor.count == 2)
        #expect(plan.cycles.isEmpty)
        #expect(plan.unresolved.isEmpty)
    }

    @Test(arguments: ["staging", "shop"])
    func everyObjectIsInExactlyOneStepOfTheJSONPlan(_ tree: String) throws {
        let report = try stackReport(Self.trees[tree]!)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONReporter.render(report).utf8)) as? [String: Any])
        let steps = try #require(json["steps"] as? [[String: Any]])
        var listed: [String] = []
        for step in steps {
            #expect(step.keys.sorted() == ["objects", "waitFor"])
            for object in try #require(step["objects"] as? [[String: Any]]) {
                #expect(object.keys.sorted() == ["file", "kind", "line", "name", "namespace"])
                listed.append("\(object["kind"]!) \((object["namespace"] as? String) ?? "") \(object["name"]!)")
            }
        }
        let objects = report.graph.index.resources.indices.map { position in
            let key = report.graph.key(of: position)
            return "\(key.kind) \(key.namespace) \(key.name)"
        }
        #expect(listed.sorted() == objects.sorted())
        #expect(Set(listed).count == listed.count)
    }

    @Test func theShopPlanOrdersReportsCirclesAndWhatLeadsNowhere() throws {
        let report = try stackReport("fixtures/stack/shop/k8s")
        let plan = report.plan
        let names = plan.steps.map { step in step.objects.map { PlanTextReporter.name(of: $0, in: report) } }
        #expect(names == [
            ["Namespace shop", "CustomResourceDefinition caches.example.com"],
            ["PersistentVolumeClaim cart-data", "ConfigMap frontend-env", "Secret frontend-secrets", "ServiceAccount frontend"],
            ["Service cart", "Deployment cart", "Service orders", "Deployment orders", "Service payments"],
            ["Service frontend", "Deployment frontend"],
            ["Cache sessions", "HorizontalPodAutoscaler frontend"],
            ["Ingress shop"],
        ])
        #expect(plan.steps.map { $0.waitFor.map { PlanTextReporter.name(of: $0, in: report) } } == [
            [], [], [], ["Deployment orders"], ["CustomResourceDefinition caches.example.com"], [],
        ])
        #expect(plan.cycles.map { $0.map { PlanTextReporter.name(of: $0, in: report) } } == [["Deployment cart", "Deployment orders"]])
        #expect(plan.unresolved.map { report.graph.target(of: $0).name } == ["admin", "cartt"])
    }

    /// The DOT output is drawn by Graphviz itself. Skipped without `dot`, except under CI=true
    /// (.ci/run installs graphviz), where a missing `dot` fails the test.
    @Test(
        .enabled(if: ExternalValidator.runs(ExternalValidator.dotPath != nil), ExternalValidator.dotSkipReason),
        arguments: ["staging", "shop"]
    )
    func graphvizDrawsTheDOTGraph(_ tree: String) throws {
        try ExternalValidator.require(ExternalValidator.dotPath != nil, ExternalValidator.dotSkipReason)
        let report = try stackReport(Self.trees[tree]!)
        let rendered = try ExternalValidator.renderSVG(GraphDOTReporter.render(report))
        #expect(rendered.status == 0, "dot -Tsvg: \(rendered.output)")
        #expect(rendered.output.contains("<svg"))
        #expect(rendered.output.contains("Deployment"))
    }

    /// README shows the staging plan and picture as kubelint prints them today.
    @Test func theReadmeShowsTheStagingPlanAndGraph() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let report = try stackReport("fixtures/staging/k8s", kubernetesVersion: KubernetesVersion(major: 1, minor: 13))
        #expect(readme.contains("```\n" + PlanTextReporter.render(report) + "```\n"))
        #expect(readme.contains("```mermaid\n" + GraphMermaidReporter.render(report) + "```\n"))
    }

    @Test func labelsThatWouldBreakTheFormatsAreEscaped() {
        #expect(GraphMermaidReporter.escaped("a \"b\" <c>\nd") == "a #quot;b#quot; #lt;c#gt; d")
        #expect(GraphDOTReporter.quoted("a \"b\" \\c\nd") == "\"a \\\"b\\\" \\\\c\\nd\"")
        #expect(PlanShellReporter.quoted("k8s/app.yaml") == "k8s/app.yaml")
        #expect(PlanShellReporter.quoted("my dir/it's.yaml") == "'my dir/it'\\''s.yaml'")
        #expect(PlanShellReporter.quoted("") == "''")
    }
}
