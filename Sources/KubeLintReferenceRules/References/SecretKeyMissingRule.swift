import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct SecretKeyMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = ConfigObjectReferences.facts

    package static let description = RuleDescription(
        id: "secret-key-missing",
        severity: .error,
        category: .references,
        summary: "A pod uses a key that its Secret does not have",
        rationale: """
            `secretKeyRef` and the `items` of a Secret volume name single keys. When the Secret \
            is in the tree but has no such key in `data` or `stringData`, the container fails to \
            start or the volume fails to mount. References marked `optional: true` are not checked, \
            nor the keys Kubernetes fills in itself (`token`, `ca.crt` and `namespace` of a \
            `kubernetes.io/service-account-token` Secret).
            """,
        remediation: "Add the key to the Secret, or fix the key name in the reference.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    env:
                    - name: DATABASE_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: database
                          key: ↓pasword
                  volumes:
                  - name: tls
                    projected:
                      sources:
                      - secret:
                          name: database
                          items:
                          - key: ↓tls.crt
                            path: tls.crt
                """, otherFiles: ["secret.yaml": databaseSecret]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                  - name: api
                    image: api
                    env:
                    - name: DATABASE_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: database
                          key: password
                    - name: DATABASE_USER
                      valueFrom:
                        secretKeyRef:
                          name: database
                          key: username
                    - name: API_TOKEN
                      valueFrom:
                        secretKeyRef:
                          name: database
                          key: token
                          optional: true
                """, otherFiles: ["secret.yaml": databaseSecret]),
            Example("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: deployer-token
                  annotations:
                    kubernetes.io/service-account.name: deployer
                type: kubernetes.io/service-account-token
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: deploy
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: deploy
                        image: deployer
                        env:
                        - name: KUBE_TOKEN
                          valueFrom:
                            secretKeyRef: {name: deployer-token, key: token}
                        volumeMounts:
                        - {name: cluster-ca, mountPath: /etc/cluster-ca}
                      volumes:
                      - name: cluster-ca
                        secret:
                          secretName: deployer-token
                          items: [{key: ca.crt, path: ca.crt}]
                """),
        ],
        equivalents: ["kube-linter:env-value-from"]
    )

    static let databaseSecret = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: database
        data:
          password: aHVudGVyMg==
        stringData:
          username: app
        """

    package func check(_ context: LintContext) -> [Finding] {
        ConfigObjectReferences.missingKeyFindings(.secret, by: self, context: context)
    }
}
