import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML
extension BuiltInProducers {
    /// Monitoring, search, compute and storage operators. Each entry says where its naming is
    /// documented.
    static let platform = #"""
        # prometheus-operator: https://prometheus-operator.dev/docs/api-reference/api/ (serviceName: "If
        # empty, the operator will create and manage a headless service named prometheus-operated", and
        # alertmanager-operated, thanos-ruler-operated; prometheus-agent-operated in
        # pkg/prometheus/agent/statefulset.go). The generated configuration Secret prometheus-<name>,
        # its TLS assets and web configuration (pkg/prometheus/common.go, sharded as -0), the rule
        # ConfigMaps <prefix>-rulefiles-<n> (pkg/operator/rules.go). Pods carry the operator's labels
        # (app: <kind> in older releases, app.kubernetes.io/* now) over spec.podMetadata.labels.
        - group: monitoring.coreos.com
          kind: Prometheus
          secrets: ["prometheus-{name}", "prometheus-{name}-tls-assets-0", "prometheus-{name}-web-config"]
          configMaps: ["prometheus-{name}-rulefiles-0"]
          services: [prometheus-operated]
          pods:
          - labels: {app: prometheus, prometheus: "{name}", app.kubernetes.io/name: prometheus,
                     app.kubernetes.io/instance: "{name}", app.kubernetes.io/managed-by: prometheus-operator,
                     operator.prometheus.io/name: "{name}", operator.prometheus.io/shard: "0"}
            labelsFrom: [spec.podMetadata.labels]
          reads:
            secrets: [spec.additionalScrapeConfigs.name, spec.additionalAlertRelabelConfigs.name,
                      spec.additionalAlertManagerConfigs.name, "spec.secrets[]"]
            configMaps: ["spec.configMaps[]"]
        - group: monitoring.coreos.com
          kind: PrometheusAgent
          secrets: ["prom-agent-{name}", "prom-agent-{name}-tls-assets-0", "prom-agent-{name}-web-config"]
          services: [prometheus-agent-operated]
          pods:
          - labels: {app.kubernetes.io/name: prometheus-agent, app.kubernetes.io/instance: "{name}",
                     app.kubernetes.io/managed-by: prometheus-operator,
                     operator.prometheus.io/name: "{name}", operator.prometheus.io/shard: "0"}
            labelsFrom: [spec.podMetadata.labels]
          reads:
            secrets: [spec.additionalScrapeConfigs.name, "spec.secrets[]"]
            configMaps: ["spec.configMaps[]"]
        # Alertmanager: the configuration it reads is spec.configSecret, by default alertmanager-<name>
        # (api-reference: "If empty, it defaults to alertmanager-<alertmanager-name>"); the operator
        # writes alertmanager-<name>-generated (pkg/alertmanager/statefulset.go).
        - group: monitoring.coreos.com
          kind: Alertmanager
          secrets: ["alertmanager-{name}-generated", "alertmanager-{name}-tls-assets-0", "alertmanager-{name}-web-config"]
          services: [alertmanager-operated]
          pods:
          - labels: {app: alertmanager, alertmanager: "{name}", app.kubernetes.io/name: alertmanager,
                     app.kubernetes.io/instance: "{name}", app.kubernetes.io/managed-by: prometheus-operator}
            labelsFrom: [spec.podMetadata.labels]
          reads:
            secrets: [spec.configSecret, "spec.secrets[]"]
            configMaps: ["spec.configMaps[]"]
        - group: monitoring.coreos.com
          kind: ThanosRuler
          secrets: ["thanos-ruler-{name}-tls-assets-0", "thanos-ruler-{name}-web-config"]
          configMaps: ["thanos-ruler-{name}-rulefiles-0"]
          services: [thanos-ruler-operated]
          pods:
          - labels: {app: thanos-ruler, thanos-ruler: "{name}", app.kubernetes.io/name: thanos-ruler,
                     app.kubernetes.io/instance: "{name}", app.kubernetes.io/managed-by: prometheus-operator}
            labelsFrom: [spec.podMetadata.labels]

        # ECK: https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-services.html (the elastic user's
        # password in <name>-es-elastic-user, the Service <name>-es-http, its CA in
        # <name>-es-http-certs-public); the other names from pkg/apis/*/name.go (Namers es, kb, apm,
        # agent, ent, ls; suffixes http, transport, internal-http, elastic-user, token) and the pod
        # labels from pkg/controller/*/label*.go.
        - group: elasticsearch.k8s.elastic.co
          kind: Elasticsearch
          secrets: ["{name}-es-elastic-user", "{name}-es-http-certs-public", "{name}-es-http-certs-internal",
                    "{name}-es-http-ca-internal"]
          services: ["{name}-es-http", "{name}-es-transport", "{name}-es-internal-http"]
          pods:
          - labels: {elasticsearch.k8s.elastic.co/cluster-name: "{name}", common.k8s.elastic.co/type: elasticsearch}
            labelsFrom: ["spec.nodeSets[].podTemplate.metadata.labels"]
        # ECK Kibana: pkg/apis/kibana/v1/name.go (Namer kb), pkg/controller/kibana/label/label.go.
        - group: kibana.k8s.elastic.co
          kind: Kibana
          secrets: ["{name}-kb-http-certs-public", "{name}-kb-http-certs-internal", "{name}-kb-config"]
          services: ["{name}-kb-http"]
          pods:
          - labels: {kibana.k8s.elastic.co/name: "{name}", common.k8s.elastic.co/type: kibana}
            labelsFrom: [spec.podTemplate.metadata.labels]
        # ECK APM Server: pkg/controller/apmserver/name.go (Namer apm, token) and labels.go.
        - group: apm.k8s.elastic.co
          kind: ApmServer
          secrets: ["{name}-apm-token", "{name}-apm-http-certs-public"]
          services: ["{name}-apm-http"]
          pods:
          - labels: {apm.k8s.elastic.co/name: "{name}", common.k8s.elastic.co/type: apm-server}
            labelsFrom: [spec.podTemplate.metadata.labels]
        # ECK Elastic Agent (Fleet Server's HTTP Service): pkg/controller/agent/name.go and labels.go.
        - group: agent.k8s.elastic.co
          kind: Agent
          secrets: ["{name}-agent-http-certs-public"]
          services: ["{name}-agent-http"]
          pods:
          - labels: {agent.k8s.elastic.co/name: "{name}"}
        # ECK Enterprise Search: pkg/apis/enterprisesearch/v1/enterprisesearch_types.go (Namer ent),
        # pkg/controller/enterprisesearch/labels.go.
        - group: enterprisesearch.k8s.elastic.co
          kind: EnterpriseSearch
          services: ["{name}-ent-http"]
          pods:
          - labels: {enterprisesearch.k8s.elastic.co/name: "{name}", common.k8s.elastic.co/type: enterprise-search}
        # ECK Logstash: pkg/apis/logstash/v1alpha1/name.go (Namer ls, api), pkg/controller/logstash/labels/labels.go.
        - group: logstash.k8s.elastic.co
          kind: Logstash
          services: ["{name}-ls-api"]
          pods:
          - labels: {logstash.k8s.elastic.co/name: "{name}"}

        # KubeRay: ray-operator/controllers/ray/utils/util.go (GenerateHeadServiceName: <name>-head-svc
        # unless spec.headGroupSpec.headService names it; GenerateServeServiceName: <name>-serve-svc) and
        # constant.go (pod labels ray.io/cluster, ray.io/node-type: head or worker);
        # https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/config.html
        - group: ray.io
          kind: RayCluster
          services: ["{name}-head-svc", "{spec.headGroupSpec.headService.metadata.name}"]
          pods:
          - labels: {ray.io/cluster: "{name}", ray.io/node-type: head}
            labelsFrom: [spec.headGroupSpec.template.metadata.labels]
          - labels: {ray.io/cluster: "{name}", ray.io/node-type: worker}
            labelsFrom: ["spec.workerGroupSpecs[].template.metadata.labels"]
        - group: ray.io
          kind: RayService
          services: ["{name}-head-svc", "{name}-serve-svc"]
        - group: ray.io
          kind: RayJob
          services: ["{name}-head-svc"]

        # LeaderWorkerSet: https://lws.sigs.k8s.io/docs/reference/labels-annotations-and-environment-variables/
        # (every pod carries leaderworkerset.sigs.k8s.io/name, the leader worker-index 0;
        # LWS_LEADER_ADDRESS goes through the headless Service named after the set). The leader runs
        # the leader template, or the worker template when there is none.
        - group: leaderworkerset.x-k8s.io
          kind: LeaderWorkerSet
          services: ["{name}"]
          pods:
          - labels: {leaderworkerset.sigs.k8s.io/name: "{name}", leaderworkerset.sigs.k8s.io/worker-index: "0"}
            labelsFrom: [spec.leaderWorkerTemplate.leaderTemplate.metadata.labels]
            when: {spec.leaderWorkerTemplate.leaderTemplate: "*"}
          - labels: {leaderworkerset.sigs.k8s.io/name: "{name}", leaderworkerset.sigs.k8s.io/worker-index: "0"}
            labelsFrom: [spec.leaderWorkerTemplate.workerTemplate.metadata.labels]
            unless: {spec.leaderWorkerTemplate.leaderTemplate: "*"}
          - labels: {leaderworkerset.sigs.k8s.io/name: "{name}"}
            labelsFrom: [spec.leaderWorkerTemplate.workerTemplate.metadata.labels]

        # Knative Serving: a Service makes a Route and a Configuration of its name
        # (pkg/reconciler/service/resources/names), the Route a Kubernetes Service of its name
        # (pkg/reconciler/route/resources/names); the pods carry serving.knative.dev/service and
        # /configuration (pkg/apis/serving/register.go) over the template's labels.
        # https://knative.dev/docs/serving/
        - group: serving.knative.dev
          kind: Service
          services: ["{name}"]
          pods:
          - labels: {serving.knative.dev/service: "{name}", serving.knative.dev/configuration: "{name}"}
            labelsFrom: [spec.template.metadata.labels]
        - group: serving.knative.dev
          kind: Route
          services: ["{name}"]

        # Rook Ceph. CephCluster: https://rook.io/docs/rook/latest/CRDs/Cluster/ceph-cluster-crd/ (the
        # rook-ceph-mon-endpoints ConfigMap, the rook-ceph-mon and rook-ceph-admin-keyring Secrets),
        # https://rook.io/docs/rook/latest/Storage-Configuration/Monitoring/ceph-dashboard/ (Services
        # rook-ceph-mgr, rook-ceph-mgr-dashboard, Secret rook-ceph-dashboard-password, pods app:
        # rook-ceph-mgr with rook_cluster: <namespace>; mgr_role: active or standby from
        # SetMgrRoleLabel in pkg/operator/ceph/cluster/mgr/mgr.go).
        - group: ceph.rook.io
          kind: CephCluster
          secrets: [rook-ceph-mon, rook-ceph-admin-keyring, rook-ceph-dashboard-password]
          configMaps: [rook-ceph-mon-endpoints]
          services: [rook-ceph-mgr, rook-ceph-mgr-dashboard]
          pods:
          - labels: {app: rook-ceph-mgr, rook_cluster: "{namespace}", mgr_role: active}
          - labels: {app: rook-ceph-mgr, rook_cluster: "{namespace}", mgr_role: standby}
          - labels: {app: rook-ceph-mon, rook_cluster: "{namespace}"}
          - labels: {app: rook-ceph-osd, rook_cluster: "{namespace}"}
        # CephObjectStore: https://rook.io/docs/rook/latest/Storage-Configuration/Object-Storage-RGW/object-storage/
        # (Service rook-ceph-rgw-<store>; pods app: rook-ceph-rgw, rook_cluster, rook_object_store).
        - group: ceph.rook.io
          kind: CephObjectStore
          services: ["rook-ceph-rgw-{name}"]
          pods:
          - labels: {app: rook-ceph-rgw, rook_cluster: "{namespace}", rook_object_store: "{name}"}
        # CephObjectStoreUser: https://rook.io/docs/rook/latest/Storage-Configuration/Object-Storage-RGW/object-storage/
        # (Secret rook-ceph-object-user-<store>-<user>).
        - group: ceph.rook.io
          kind: CephObjectStoreUser
          secrets: ["rook-ceph-object-user-{spec.store}-{name}"]
        # CephFilesystem: https://rook.io/docs/rook/latest/Storage-Configuration/Shared-Filesystem-CephFS/filesystem-storage/
        # (pods app: rook-ceph-mds; rook_file_system: <name> from pkg/operator/ceph/file/mds/spec.go).
        - group: ceph.rook.io
          kind: CephFilesystem
          pods:
          - labels: {app: rook-ceph-mds, rook_cluster: "{namespace}", rook_file_system: "{name}"}
        # CephNFS: https://rook.io/docs/rook/latest/Storage-Configuration/NFS/nfs/ ("CephNFS services are
        # named with the pattern rook-ceph-nfs-<cephnfs-name>-<id>", id a letter per server: a, b, c
        # are listed); pods app: rook-ceph-nfs, ceph_nfs: <name> (pkg/operator/ceph/nfs/spec.go).
        - group: ceph.rook.io
          kind: CephNFS
          services: ["rook-ceph-nfs-{name}-a", "rook-ceph-nfs-{name}-b", "rook-ceph-nfs-{name}-c"]
          pods:
          - labels: {app: rook-ceph-nfs, ceph_nfs: "{name}", rook_cluster: "{namespace}"}
        # ObjectBucketClaim (Rook's and other bucket provisioners):
        # https://rook.io/docs/rook/latest/Storage-Configuration/Object-Storage-RGW/ceph-object-bucket-claim/
        # ("name of the ObjectBucketClaim. This name becomes the name of the Secret and ConfigMap").
        - group: objectbucket.io
          kind: ObjectBucketClaim
          secrets: ["{name}"]
          configMaps: ["{name}"]
        """#
}
