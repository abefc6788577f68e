import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML
extension BuiltInProducers {
    /// Messaging operators. Each entry says where its naming is documented.
    static let messaging = #"""
        # Strimzi Kafka: https://strimzi.io/docs/operators/latest/deploying#ref-list-of-kafka-cluster-resources-str
        # (documentation/modules/configuring/ref-list-of-kafka-cluster-resources.adoc: the CA Secrets,
        # Services <cluster>-kafka-bootstrap, -kafka-brokers, -kafka-<listener>-bootstrap, the
        # entity and cruise-control ConfigMaps), ZooKeeper's <cluster>-zookeeper-client in releases
        # before KRaft; pod labels strimzi.io/cluster, /kind, /name (api/.../ResourceLabels.java) and
        # app.kubernetes.io/* (ref-kubernetes-labels.adoc).
        - group: kafka.strimzi.io
          kind: Kafka
          secrets: ["{name}-cluster-ca-cert", "{name}-cluster-ca", "{name}-clients-ca-cert", "{name}-clients-ca",
                    "{name}-cluster-operator-certs", "{name}-entity-topic-operator-certs", "{name}-entity-user-operator-certs"]
          configMaps: ["{name}-entity-topic-operator-config", "{name}-entity-user-operator-config", "{name}-cruise-control-config"]
          services: ["{name}-kafka-bootstrap", "{name}-kafka-brokers", "{name}-kafka-{spec.kafka.listeners[].name}-bootstrap",
                     "{name}-zookeeper-client", "{name}-zookeeper-nodes", "{name}-kafka-exporter", "{name}-cruise-control"]
          pods:
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: Kafka, strimzi.io/name: "{name}-kafka",
                     strimzi.io/component-type: kafka, app.kubernetes.io/name: kafka, app.kubernetes.io/instance: "{name}",
                     app.kubernetes.io/part-of: "strimzi-{name}", app.kubernetes.io/managed-by: strimzi-cluster-operator}
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: Kafka, strimzi.io/name: "{name}-zookeeper"}
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: Kafka, strimzi.io/name: "{name}-entity-operator"}
        # KafkaNodePool: pods <cluster>-<pool>-<id> labelled with the cluster and strimzi.io/pool-name
        # (same list, "Kafka node pools").
        - group: kafka.strimzi.io
          kind: KafkaNodePool
          pods:
          - labels: {strimzi.io/cluster: "{metadata.labels['strimzi.io/cluster']}", strimzi.io/kind: Kafka,
                     strimzi.io/name: "{metadata.labels['strimzi.io/cluster']}-kafka", strimzi.io/pool-name: "{name}"}
        # KafkaUser: "The User Operator creates a new secret with the same name as the KafkaUser
        # resource" (documentation/modules/security/con-securing-client-authentication.adoc).
        - group: kafka.strimzi.io
          kind: KafkaUser
          secrets: ["{name}"]
        # KafkaConnect, KafkaBridge, KafkaMirrorMaker2: ref-config-list-of-kafka-connect-resources.adoc,
        # ref-list-of-http-bridge-resources.adoc, ref-list-of-mirrormaker2-resources.adoc.
        - group: kafka.strimzi.io
          kind: KafkaConnect
          secrets: ["{name}-connect-tls-trusted-certs"]
          configMaps: ["{name}-connect-config"]
          services: ["{name}-connect-api"]
          pods:
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: KafkaConnect, strimzi.io/name: "{name}-connect"}
        - group: kafka.strimzi.io
          kind: KafkaBridge
          configMaps: ["{name}-bridge-config"]
          services: ["{name}-bridge-service"]
          pods:
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: KafkaBridge, strimzi.io/name: "{name}-bridge"}
        - group: kafka.strimzi.io
          kind: KafkaMirrorMaker2
          secrets: ["{name}-mirrormaker2-tls-trusted-certs"]
          configMaps: ["{name}-mirrormaker2-config"]
          services: ["{name}-mirrormaker2-api"]
          pods:
          - labels: {strimzi.io/cluster: "{name}", strimzi.io/kind: KafkaMirrorMaker2, strimzi.io/name: "{name}-mirrormaker2"}

        # RabbitMQ Cluster Operator: docs/examples/external-admin-secret-credentials/README.md
        # ("INSTANCE-default-user, where INSTANCE is the name of the RabbitmqCluster object"); the
        # client Service <name>, the headless <name>-nodes, <name>-erlang-cookie and the pod label
        # app.kubernetes.io/name: <name> from internal/resource/*.go and internal/metadata/label.go.
        # https://www.rabbitmq.com/kubernetes/operator/using-operator
        - group: rabbitmq.com
          kind: RabbitmqCluster
          secrets: ["{name}-default-user", "{name}-erlang-cookie"]
          configMaps: ["{name}-server-conf", "{name}-plugins-conf"]
          services: ["{name}", "{name}-nodes"]
          pods:
          - labels: {app.kubernetes.io/name: "{name}", app.kubernetes.io/component: rabbitmq, app.kubernetes.io/part-of: rabbitmq}
        """#
}
