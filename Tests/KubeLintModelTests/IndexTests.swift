import Testing
import KubeLintYAML
@testable import KubeLintModel

private func index(_ text: String, defaultNamespace: String = "default") -> ResourceIndex {
    ResourceIndex(Loader.load([.bytes(name: "tree.yaml", Array(text.utf8))]).resources, defaultNamespace: defaultNamespace)
}

private func labels(_ pairs: [(String, String)]) -> StringMap {
    StringMap(entries: pairs.map { StringMap.Entry(key: $0.0, value: $0.1, keyMark: .start, valueMark: .start) })
}

@Suite("Resource index")
struct IndexTests {
    static let tree = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: all-web-tiers, namespace: other}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: search}
        spec:
          type: ExternalName
          externalName: search.example.com
          selector: {app: web}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-canary}
        spec:
          selector:
            matchExpressions:
            - {key: app, operator: In, values: [web, api]}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: everything}
        spec: {maxUnavailable: 1, selector: {}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: migrate, image: migrate}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-v2}
        spec:
          selector: {app: web, version: v2}
          ports: [{port: 80}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
        """

    @Test func objectsSelectingLabelsAreFoundWithinTheirNamespace() {
        let index = index(Self.tree)
        let names = index.objectsSelecting(labels([("app", "web"), ("tier", "front")]), namespace: "default").compactMap(\.name)
        // The ExternalName Service selects nothing, Jobs never adopt, the other Service is elsewhere.
        #expect(names == ["web", "web-canary", "everything"])
        #expect(index.objectsSelecting(labels([("app", "web")]), namespace: "other").compactMap(\.name) == ["all-web-tiers"])
        #expect(index.objectsSelecting(labels([("app", "db")]), namespace: "default").compactMap(\.name) == ["everything"])
    }

    @Test func aSelectorWithSeveralLabelsIsFoundThroughAnyOfThem() {
        let index = index(Self.tree)
        let v2 = index.objectsSelecting(labels([("version", "v2"), ("app", "web")]), namespace: "default").compactMap(\.name)
        #expect(v2 == ["web", "web-canary", "everything", "web-v2"])
        let v1 = index.objectsSelecting(labels([("app", "web"), ("version", "v1")]), namespace: "default").compactMap(\.name)
        #expect(v1 == ["web", "web-canary", "everything"])
    }

    @Test func autoscalersAreFoundByTarget() {
        let index = index(Self.tree)
        #expect(index.autoscalers(targetingKind: "Deployment", namespace: "default", name: "web").compactMap(\.name) == ["web"])
        #expect(index.autoscalers(targetingKind: "StatefulSet", namespace: "default", name: "web").isEmpty)
        #expect(index.autoscalers(targetingKind: "Deployment", namespace: "other", name: "web").isEmpty)
    }

    @Test func theDefaultNamespaceIsConfigurable() {
        let index = index(Self.tree, defaultNamespace: "staging")
        #expect(index.object(kind: "Service", namespace: "staging", name: "web") != nil)
        #expect(index.object(kind: "Service", namespace: "default", name: "web") == nil)
        #expect(index.autoscalers(targetingKind: "Deployment", namespace: "staging", name: "web").count == 1)
    }

    @Test func customResourcesWithAPodTemplateRunPods() throws {
        let index = index("""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: checkout}
            spec:
              selector: {matchLabels: {app: checkout}}
              template:
                metadata: {labels: {app: checkout}}
                spec: {containers: [{name: checkout, image: checkout}]}
            ---
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: db}
            spec:
              template:
                metadata: {name: db, labels: {app: checkout}}
            """)
        let runners = index.podRunners(matching: labels([("app", "checkout")]), namespace: "default")
        #expect(runners.compactMap(\.name) == ["checkout"])
        #expect(try #require(runners.first?.podTemplate?.spec).containers.first?.name?.value == "checkout")
    }

    @Test func clusterScopedKindsAreFiledUnderNoNamespaceByGroupAndKind() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader, namespace: tools}
            ---
            apiVersion: ipam.cluster.x-k8s.io/v1beta1
            kind: IPAddress
            metadata: {name: node-1, namespace: tools}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: clusterissuers.cert-manager.io}
            spec: {group: cert-manager.io, scope: Cluster, names: {kind: ClusterIssuer}}
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: ca, namespace: tools}
            """
        let resources = Loader.load([.bytes(name: "tree.yaml", Array(text.utf8))]).resources
        let builtIn = ClusterScopedKinds([
            .init(group: "rbac.authorization.k8s.io", kind: "ClusterRole"), .init(group: "networking.k8s.io", kind: "IPAddress"),
            .init(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
        ])
        let index = ResourceIndex(resources, clusterScopedKinds: builtIn.adding(definitionsIn: resources))
        #expect(resources.map(index.namespace(of:)) == ["", "tools", "", ""])
        // Found from any namespace; a namespaced kind of the same name in another group stays in its own.
        #expect(index.object(kind: "ClusterRole", namespace: "web", name: "reader") != nil)
        #expect(index.object(kind: "ClusterIssuer", namespace: "web", name: "ca") != nil)
        #expect(index.object(kind: "IPAddress", namespace: "tools", name: "node-1") != nil)
        #expect(index.namespace(forKind: "ClusterRole", from: "web") == "")
        #expect(index.namespace(forKind: "Role", from: "web") == "web")
        // Without the API's cluster-scoped kinds, every kind is namespaced.
        #expect(ResourceIndex(resources).namespace(of: resources[0]) == "tools")
    }
}
