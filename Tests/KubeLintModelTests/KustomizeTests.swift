import Testing
import KubeLintYAML
@testable import KubeLintModel

private func resources(_ files: [(String, String)]) -> [Resource] {
    Loader.load(files.map { .bytes(name: $0.0, Array($0.1.utf8)) }).resources
}

@Suite("Kustomize configuration and patches")
struct KustomizeTests {
    @Test func kustomizationFilesAreKustomizationsWithOrWithoutApiVersion() {
        let loaded = resources([
            ("app/kustomization.yaml", "resources: [deployment.yaml]\n"),
            ("app/Kustomization", "namePrefix: dev-\n"),
            ("app/base.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n"),
            ("app/flux.yaml", "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: app}\n"),
        ])
        #expect(loaded.map(\.isKustomization) == [true, true, true, false])
    }

    @Test func patchPathsAreJoinedToTheKustomizationDirectoryAndNormalized() {
        let loaded = resources([
            ("k8s/overlays/prod/kustomization.yaml", """
                resources: [../../base]
                patches:
                - path: ./replicas.yaml
                - patch: |-
                    - op: replace
                      path: /spec/replicas
                      value: 3
                  target: {kind: Deployment}
                - path: ../common/labels.yaml
                patchesStrategicMerge:
                - memory.yaml
                - |-
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: inline}
                patchesJson6902:
                - path: ops.yaml
                  target: {kind: Service, name: web}
                replacements:
                - path: /etc/absolute.yaml
                """),
        ])
        let files = KustomizePatches.files(in: loaded)
        #expect(files == [
            "k8s/overlays/prod/replicas.yaml", "k8s/overlays/common/labels.yaml",
            "k8s/overlays/prod/memory.yaml", "k8s/overlays/prod/ops.yaml",
        ])
        #expect(KustomizePatches.contains("./k8s/overlays/prod/../common/labels.yaml", in: files))
        #expect(!KustomizePatches.contains("k8s/base/deployment.yaml", in: files))
    }

    @Test func dataFilesAreWhatGeneratorsHelmChartsAndTransformersRead() {
        let loaded = resources([
            ("k8s/app/kustomization.yaml", """
                configMapGenerator:
                - name: settings
                  files: [app.json, log.yaml=../common/logging.yaml]
                  envs: [.env]
                secretGenerator:
                - name: token
                  env: token.env
                  files: [/etc/absolute.pem]
                helmCharts:
                - name: redis
                  valuesFile: redis-values.yaml
                  additionalValuesFiles: [./prod-values.yaml]
                configurations: [name-reference.yaml]
                crds: [schemas/crd.json]
                """),
        ])
        #expect(KustomizePatches.dataFiles(in: loaded) == [
            "k8s/app/app.json", "k8s/common/logging.yaml", "k8s/app/.env", "k8s/app/token.env",
            "k8s/app/redis-values.yaml", "k8s/app/prod-values.yaml", "k8s/app/name-reference.yaml", "k8s/app/schemas/crd.json",
        ])
    }

    @Test func commonLabelsReachTheFilesAndDirectoriesTheKustomizationLists() {
        let loaded = resources([
            ("k8s/base/kustomization.yaml", "commonLabels: {app: shop}\nresources: [deployment.yaml, ./worker/, https://example.com/remote]\n"),
            ("k8s/plain/kustomization.yaml", "labels:\n- pairs: {team: a}\nresources: [cron.yaml]\n"),
            ("k8s/selected/kustomization.yaml", "labels:\n- pairs: {team: a}\n  includeSelectors: true\nresources: [job.yaml]\n"),
        ])
        let paths = KustomizePatches.selectorLabelledPaths(in: loaded)
        #expect(paths == ["k8s/base/deployment.yaml", "k8s/base/worker", "k8s/selected/job.yaml"])
        #expect(KustomizePatches.isUnder("k8s/base/worker/deployment.yaml", anyOf: paths))
        #expect(KustomizePatches.isUnder("./k8s/base/deployment.yaml", anyOf: paths))
        #expect(!KustomizePatches.isUnder("k8s/base/service.yaml", anyOf: paths))
        #expect(!KustomizePatches.isUnder("k8s/plain/cron.yaml", anyOf: paths))
    }
}
