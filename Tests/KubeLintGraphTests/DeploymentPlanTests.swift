import Testing
import KubeLintModel
@testable import KubeLintGraph

/// How a plan orders workloads by the hosts their configuration names.
struct DeploymentPlanTests {
    /// Resolves nothing outside the tree: every such reference is missing.
    private struct NothingElsewhere: ReferenceResolver {
        func resolveElsewhere(kind: String, namespace: String, name: String, referrer: Resource?) -> ReferenceGraph.Resolution { .missing }
        func podsMayRunElsewhere(in namespace: String, matching selector: StringMap) -> Bool { false }
    }

    /// A Deployment `name` (with a Service of its name on `port`) whose environment is `env`.
    private func component(_ name: String, port: Int = 80, env: [String: String] = [:]) -> String {
        let variables = env.sorted { $0.key < $1.key }.map { "        - {name: \($0.key), value: \"\($0.value)\"}" }.joined(separator: "\n")
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
            spec:
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name)}
                spec:
                  containers:
                  - name: main
                    image: example/\(name):1
                    env:\(variables.isEmpty ? " []" : "\n" + variables)
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: \(name)
            spec:
              selector: {app: \(name)}
              ports:
              - port: \(port)
            """
    }

    private func plan(_ documents: [String]) -> (plan: DeploymentPlan, graph: ReferenceGraph) {
        let tree = Loader.load([.bytes(name: "tree.yaml", Array(documents.joined(separator: "\n---\n").utf8))])
        let graph = ReferenceGraph(index: ResourceIndex(tree.resources), resolver: NothingElsewhere())
        return (DeploymentPlan(graph), graph)
    }

    private func names(_ positions: [Int], _ graph: ReferenceGraph) -> [String] {
        positions.map { "\(graph.key(of: $0).kind) \(graph.key(of: $0).name)" }
    }

    @Test func aChainIsOneStepPerLink() {
        let (plan, graph) = plan([
            component("web", env: ["API_URL": "http://api"]),
            component("api", port: 8000, env: ["DATABASE_HOST": "db", "DATABASE_PORT": "5432"]),
            component("db", port: 5432),
        ])
        #expect(plan.steps.map { names($0.objects, graph) } == [
            ["Service db", "Deployment db"], ["Service api", "Deployment api"], ["Service web", "Deployment web"],
        ])
        #expect(plan.steps.map { names($0.waitFor, graph) } == [[], ["Deployment db"], ["Deployment api"]])
        #expect(plan.steps.map(\.phase) == [.workloads(depth: 0), .workloads(depth: 1), .workloads(depth: 2)])
        // web reaches api on port 80, which api's Service does not expose: still an edge to order by.
        #expect(plan.cycles.isEmpty)
        #expect(plan.unresolved.isEmpty)
    }

    @Test func aCircleSharesAStepAndWhatReachesItComesAfter() {
        let (plan, graph) = plan([
            component("front", env: ["CART_ADDR": "cart:80"]),
            component("cart", env: ["ORDERS_ADDR": "orders:80"]),
            component("orders", env: ["CART_ADDR": "cart:80", "LEDGER_URL": "http://ledger"]),
        ])
        #expect(plan.steps.map { names($0.objects, graph) } == [
            ["Service cart", "Deployment cart", "Service orders", "Deployment orders"],
            ["Service front", "Deployment front"],
        ])
        #expect(plan.cycles.map { names($0, graph) } == [["Deployment cart", "Deployment orders"]])
        #expect(plan.unresolved.map { graph.target(of: $0).name } == ["ledger"])
        #expect(plan.steps[1].waitFor.map { graph.key(of: $0).name } == ["cart"])
    }

    @Test func aServiceThatSelectsNoWorkloadGoesWithTheFirstWorkloads() {
        let lonely = """
            apiVersion: v1
            kind: Service
            metadata:
              name: legacy
            spec:
              type: ExternalName
              externalName: legacy.example.com
            """
        let (plan, graph) = plan([component("web", env: ["LEGACY_URL": "http://legacy"]), lonely])
        #expect(plan.steps.map { names($0.objects, graph) } == [["Service web", "Deployment web", "Service legacy"]])
        #expect(plan.steps[0].waitFor.isEmpty)
    }
}
