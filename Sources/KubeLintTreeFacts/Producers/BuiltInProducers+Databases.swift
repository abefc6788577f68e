import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML
extension BuiltInProducers {
    /// Database operators. Each entry says where its naming is documented.
    static let databases = #"""
        # CloudNativePG Cluster.
        # Secrets: https://cloudnative-pg.io/documentation/current/applications/ ("[cluster name]-app"
        # unless .spec.bootstrap.initdb.secret.name is given; "[cluster name]-superuser" unless
        # superuser access is disabled or .spec.superuserSecret names another); certificates:
        # https://cloudnative-pg.io/documentation/current/certificates/ (server CA, server TLS and the
        # streaming_replica client certificate, named by api/v1/cluster_types.go: -ca, -server,
        # -replication). Services: https://cloudnative-pg.io/documentation/current/service_management/
        # (<CLUSTER_NAME>-rw, -ro, -r; -any is internal). Pod labels:
        # https://cloudnative-pg.io/documentation/current/labels_annotations/ (cnpg.io/cluster,
        # cnpg.io/podRole, cnpg.io/instanceRole and the deprecated role: primary or replica).
        - group: postgresql.cnpg.io
          kind: Cluster
          secrets:
          - {name: "{name}-app", unless: {spec.bootstrap.initdb.secret.name: "*"}}
          - {name: "{name}-superuser", unless: [{spec.enableSuperuserAccess: false}, {spec.superuserSecret.name: "*"}]}
          - "{name}-ca"
          - {name: "{name}-server", unless: {spec.certificates.serverTLSSecret: "*"}}
          - {name: "{name}-replication", unless: {spec.certificates.replicationTLSSecret: "*"}}
          services: ["{name}-rw", "{name}-ro", "{name}-r", "{name}-any"]
          pods:
          - labels: {cnpg.io/cluster: "{name}", cnpg.io/podRole: instance, cnpg.io/instanceRole: primary, role: primary,
                     app.kubernetes.io/name: postgresql, app.kubernetes.io/instance: "{name}",
                     app.kubernetes.io/component: database, app.kubernetes.io/managed-by: cloudnative-pg}
          - labels: {cnpg.io/cluster: "{name}", cnpg.io/podRole: instance, cnpg.io/instanceRole: replica, role: replica,
                     app.kubernetes.io/name: postgresql, app.kubernetes.io/instance: "{name}",
                     app.kubernetes.io/component: database, app.kubernetes.io/managed-by: cloudnative-pg}
          reads:
            secrets: [spec.bootstrap.initdb.secret.name, spec.superuserSecret.name, spec.certificates.serverTLSSecret,
                      spec.certificates.serverCASecret, spec.certificates.clientCASecret, spec.certificates.replicationTLSSecret,
                      "spec.managed.roles[].passwordSecret.name", "spec.imagePullSecrets[].name"]

        # CloudNativePG Pooler: https://cloudnative-pg.io/documentation/current/connection_pooling/ ("a
        # secret with the same name as the pooler"); its Service and Deployment pods
        # (cnpg.io/poolerName, cnpg.io/podRole: pooler) from pkg/specs/pgbouncer/services.go and
        # deployments.go.
        - group: postgresql.cnpg.io
          kind: Pooler
          secrets: ["{name}"]
          services: ["{name}"]
          pods:
          - labels: {cnpg.io/poolerName: "{name}", cnpg.io/cluster: "{spec.cluster.name}", cnpg.io/podRole: pooler}
            labelsFrom: [spec.template.metadata.labels]
          reads:
            secrets: [spec.pgbouncer.authQuerySecret.name]

        # Zalando postgres-operator: https://opensource.zalando.com/postgres-operator/docs/user.html
        # (one Secret per manifest role, {username}.{clustername}.credentials.postgresql.acid.zalan.do,
        # '_' in the user name written '-' by pkg/cluster/util.go; the superuser postgres and the
        # replication user standby by default, docs/reference/operator_parameters.md; pods labelled
        # application: spilo, cluster-name and spilo-role). Services <cluster> and <cluster>-repl
        # (pkg/cluster/k8sres.go); the connection pooler's <cluster>-pooler[-repl] with its pods
        # (pkg/cluster/connection_pooler.go).
        - group: acid.zalan.do
          kind: postgresql
          secrets:
          - "{spec.users.*:dashes}.{name}.credentials.postgresql.acid.zalan.do"
          - "postgres.{name}.credentials.postgresql.acid.zalan.do"
          - "standby.{name}.credentials.postgresql.acid.zalan.do"
          - {name: "pooler.{name}.credentials.postgresql.acid.zalan.do",
             when: [{spec.enableConnectionPooler: true}, {spec.enableReplicaConnectionPooler: true}]}
          services:
          - "{name}"
          - "{name}-repl"
          - {name: "{name}-pooler", when: {spec.enableConnectionPooler: true}}
          - {name: "{name}-pooler-repl", when: {spec.enableReplicaConnectionPooler: true}}
          pods:
          - labels: {application: spilo, cluster-name: "{name}", spilo-role: master}
          - labels: {application: spilo, cluster-name: "{name}", spilo-role: replica}
          - labels: {application: db-connection-pooler, cluster-name: "{name}", connection-pooler: "{name}-pooler"}
            when: {spec.enableConnectionPooler: true}
          - labels: {application: db-connection-pooler, cluster-name: "{name}", connection-pooler: "{name}-pooler-repl"}
            when: {spec.enableReplicaConnectionPooler: true}

        # Crunchy Postgres for Kubernetes (PGO v5), naming from internal/naming/names.go and labels.go:
        # user Secrets <cluster>-pguser-<user> for each of spec.users (without users, one named after
        # the cluster), the TLS Secret <cluster>-cluster-cert, PgBouncer's <cluster>-pgbouncer, the
        # namespace's root CA pgo-root-cacert; Services <cluster>-primary, -replicas, -pods, -ha,
        # -pgbouncer; the <cluster>-config ConfigMap; pods labelled
        # postgres-operator.crunchydata.com/cluster and /role (master, replica, pgbouncer).
        # https://access.crunchydata.com/documentation/postgres-operator/latest/tutorials/basic-setup/user-management
        - group: postgres-operator.crunchydata.com
          kind: PostgresCluster
          secrets: ["{name}-pguser-{spec.users[].name}", {name: "{name}-pguser-{name}", unless: {spec.users: "*"}},
                    "{name}-cluster-cert", "{name}-pgbouncer", "pgo-root-cacert"]
          configMaps: ["{name}-config"]
          services: ["{name}-primary", "{name}-replicas", "{name}-pods", "{name}-ha", "{name}-pgbouncer"]
          pods:
          - labels: {postgres-operator.crunchydata.com/cluster: "{name}", postgres-operator.crunchydata.com/role: master}
          - labels: {postgres-operator.crunchydata.com/cluster: "{name}", postgres-operator.crunchydata.com/role: replica}
          - labels: {postgres-operator.crunchydata.com/cluster: "{name}", postgres-operator.crunchydata.com/role: pgbouncer}

        # MongoDB Community: https://github.com/mongodb/mongodb-kubernetes-operator/blob/master/docs/deploy-configure.md
        # (connection-string Secrets <metadata.name>-<auth-db>-<username>, normalised to a DNS name by
        # api/v1/mongodbcommunity_types.go, or users[i].connectionStringSecretName: both are listed,
        # since a template cannot tell per user which applies); the Service <metadata.name>-svc, or
        # spec.statefulSet.spec.serviceName, whose pods carry app: <service name> (docs/prometheus
        # sample; ServiceName in api/v1/mongodbcommunity_types.go, controllers/construct).
        - group: mongodbcommunity.mongodb.com
          kind: MongoDBCommunity
          secrets: ["{name}-{spec.users[].db:dns}-{spec.users[].name:dns}",
                    "{spec.users[].connectionStringSecretName}"]
          services:
          - {name: "{name}-svc", unless: {spec.statefulSet.spec.serviceName: "*"}}
          - "{spec.statefulSet.spec.serviceName}"
          pods:
          - labels: {app: "{name}-svc"}
            unless: {spec.statefulSet.spec.serviceName: "*"}
          - labels: {app: "{spec.statefulSet.spec.serviceName}"}
            when: {spec.statefulSet.spec.serviceName: "*"}
          reads:
            secrets: ["spec.users[].passwordSecretRef.name", spec.security.tls.certificateKeySecretRef.name]
            configMaps: [spec.security.tls.caConfigMapRef.name]
        """#
}
