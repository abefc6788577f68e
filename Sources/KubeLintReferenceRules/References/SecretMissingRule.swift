import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct SecretMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = ConfigObjectReferences.facts

    package static let description = RuleDescription(
        id: "secret-missing",
        severity: .warning,
        category: .references,
        summary: "A pod uses a Secret that is not in the tree",
        rationale: """
            A pod that reads a Secret through `secretKeyRef`, `envFrom` or a volume does not \
            start until the Secret exists in its namespace. Secrets are often created by hand or \
            by a secrets operator rather than kept in the repository, so this is a warning: name \
            such Secrets under `externalObjects` in the configuration once, and the warning \
            stays meaningful for the rest. Each pod's references to one missing Secret are one \
            finding, at the first of them, naming the keys the pod needs. References marked \
            `optional: true`, names a file that could not be parsed may define, the token \
            Secrets that old clusters made for service accounts, and Secrets that the tree makes \
            are not checked: what the producer table says the operators of its custom resources \
            make (a cert-manager Certificate's `secretName`, a SealedSecret, an ExternalSecret's \
            target, a CloudNativePG Cluster's `<name>-app`, a Strimzi KafkaUser's `<name>`), \
            what its workloads may write by the RBAC of their own ServiceAccounts, and what a Job \
            run with `--secret-name=...` makes. A Secret that a resource only reads (an Issuer's \
            CA) is reported with a note there; one probably made by a custom resource of a kind \
            the table does not know (named after it) is info.
            """,
        remediation: "Add the Secret to the tree, fix the name, or declare it under `externalObjects` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  selector:
                    matchLabels: {app: api}
                  template:
                    metadata:
                      labels: {app: api}
                    spec:
                      containers:
                      - name: api
                        image: api
                        env:
                        - name: DATABASE_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: ↓database
                              key: password
                      volumes:
                      - name: tls
                        secret:
                          secretName: ↓api-tls
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: orders
                spec:
                  selector:
                    matchLabels: {app: orders}
                  template:
                    metadata:
                      labels: {app: orders}
                    spec:
                      containers:
                      - name: orders
                        image: orders
                        env:
                        - name: PGPASSWORD
                          valueFrom:
                            secretKeyRef: {name: orders-db-app, key: password}
                        - name: KAFKA_USER_CERT
                          valueFrom:
                            secretKeyRef: {name: orders, key: user.crt}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: orders-db
                spec:
                  instances: 3
                  storage: {size: 1Gi}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata:
                  name: orders
                  labels: {strimzi.io/cluster: events}
                spec:
                  authentication: {type: tls}
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    envFrom:
                    - secretRef:
                        name: database
                    - secretRef:
                        name: optional-extras
                        optional: true
                  volumes:
                  - name: token
                    secret:
                      secretName: default-token-x7k2p
                """, configuration: """
                    externalObjects:
                    - kind: Secret
                      name: database
                    """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    envFrom:
                    - secretRef:
                        name: api-credentials
                    - secretRef:
                        name: payment-keys
                  volumes:
                  - name: tls
                    secret:
                      secretName: api-tls
                  - name: webhook-cert
                    secret:
                      secretName: api-admission
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: api-credentials
                spec:
                  encryptedData:
                    password: AgBy3i4OJSWK+PiTySYZZA==
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata:
                  name: payments
                spec:
                  secretStoreRef: {name: vault, kind: ClusterSecretStore}
                  target:
                    name: payment-keys
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: api
                spec:
                  secretName: api-tls
                  dnsNames: [api.example.com]
                  issuerRef: {name: letsencrypt, kind: ClusterIssuer}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: api-admission-create
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: create
                        image: registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.0
                        args: [create, --secret-name=api-admission]
                """),
        ],
        equivalents: ["kube-linter:env-value-from"]
    )

    package func check(_ context: LintContext) -> [Finding] {
        ConfigObjectReferences.missingObjectFindings(.secret, by: self, context: context)
    }
}
