import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct IngressTLSSecretMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = referenceFacts

    package static let description = RuleDescription(
        id: "ingress-tls-secret-missing",
        severity: .warning,
        category: .references,
        summary: "An Ingress TLS entry names a Secret that is not in the tree",
        rationale: """
            Each `spec.tls` entry of an Ingress names, in `secretName`, the Secret (type \
            `kubernetes.io/tls`) holding the certificate and key for its hosts, in the Ingress's \
            namespace. When the Secret does not exist, the controller still accepts the Ingress \
            but serves HTTPS with its default, usually self-signed, certificate (or, on some \
            clouds, does not set up the load balancer), so clients see certificate errors \
            instead of the site. This is a rule of its own rather than part of `secret-missing`: \
            that rule is about pods, which do not start without their Secret, while here the \
            failure, its remedy and who makes the Secret differ. It is a warning because TLS \
            Secrets are usually created by hand or by cert-manager: declare hand-made ones under \
            `externalObjects`. Not reported: an entry without `secretName` (the controller's \
            default certificate is meant), an Ingress annotated for cert-manager's ingress-shim \
            (`cert-manager.io/cluster-issuer` or `cert-manager.io/issuer`, their \
            `certmanager.k8s.io/` predecessors, or `kubernetes.io/tls-acme: "true"`), and a \
            Secret that an object in the tree makes, such as a cert-manager Certificate's \
            `spec.secretName`. A `namespace/name` value (Contour's certificate delegation) is \
            looked up in that namespace. Whether a Secret found in the tree has the right type \
            and the `tls.crt` and `tls.key` keys is not checked here.
            """,
        remediation: "Add the Secret (or a cert-manager Certificate that makes it) to the tree, annotate the Ingress with its cert-manager issuer, fix the name, or declare the Secret under `externalObjects` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                spec:
                  tls:
                  - hosts: [shop.example.com]
                    secretName: ↓shop-tls
                  - hosts: [status.example.com]
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: shop, port: {number: 80}}
                ---
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: api
                  namespace: payments
                spec:
                  tls:
                  - secretName: ↓api-tls
                  backend:
                    serviceName: api
                    servicePort: 8080
                """, otherFiles: ["certificate.yaml": """
                    # The Certificate makes api-tls in namespace default, not in payments.
                    apiVersion: cert-manager.io/v1
                    kind: Certificate
                    metadata:
                      name: api
                    spec:
                      secretName: api-tls
                      dnsNames: [api.example.com]
                      issuerRef: {name: letsencrypt, kind: ClusterIssuer}
                    """]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  annotations:
                    cert-manager.io/cluster-issuer: letsencrypt
                spec:
                  tls:
                  - hosts: [shop.example.com]
                    secretName: shop-tls
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: shop, port: {number: 80}}
                ---
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: legacy
                  annotations:
                    certmanager.k8s.io/issuer: letsencrypt
                spec:
                  tls:
                  - secretName: legacy-tls
                  backend: {serviceName: legacy, servicePort: 80}
                """),
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: api
                spec:
                  tls:
                  - hosts: [api.example.com]
                    secretName: api-tls
                  - hosts: [admin.example.com]
                    secretName: admin-tls
                  - hosts: [wildcard.example.com]
                    secretName: wildcard-tls
                  - hosts: [partner.example.com]
                    secretName: certificates/partner-tls
                  - hosts: [default.example.com]
                  defaultBackend:
                    service: {name: api, port: {number: 80}}
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
                apiVersion: v1
                kind: Secret
                metadata:
                  name: admin-tls
                type: kubernetes.io/tls
                data:
                  tls.crt: LS0tLS1CRUdJTg==
                  tls.key: LS0tLS1CRUdJTg==
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: partner-tls
                  namespace: certificates
                type: kubernetes.io/tls
                data:
                  tls.crt: LS0tLS1CRUdJTg==
                  tls.key: LS0tLS1CRUdJTg==
                """, configuration: """
                    externalObjects:
                    - kind: Secret
                      name: wildcard-tls
                    """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var hints = MissingObjectHints(kind: "Secret")
        for resource in context.index.resources(ofKind: "Ingress") {
            guard case .ingress(let ingress) = resource.body else { continue }
            let ownNamespace = context.index.namespace(of: resource)
            for entry in ingress.tls {
                guard let secretName = entry.secretName else { continue }
                let (namespace, name) = Self.secretReference(secretName.value, ownNamespace: ownNamespace)
                if context.referenceResolves(kind: "Secret", namespace: namespace, name: name) { continue }
                let hint = hints.hint(for: name, namespace: namespace, referrer: resource, index: context.index)
                findings.append(context.withProducerAdvice(finding(
                    "TLS Secret \(name) is not in the tree \(context.inNamespace(namespace))" + hint.text,
                    at: secretName.mark, in: resource
                ).lowered(by: hint), missing: "Secret", named: name, namespace: namespace, referrer: resource))
            }
        }
        return findings
    }

    /// The namespace and name a `secretName` refers to: `namespace/name` is how Contour (and
    /// some other controllers) take a certificate delegated from another namespace.
    static func secretReference(_ value: String, ownNamespace: String) -> (namespace: String, name: String) {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return (ownNamespace, value) }
        return (String(parts[0]), String(parts[1]))
    }
}
