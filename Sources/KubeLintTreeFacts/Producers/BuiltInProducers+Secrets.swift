import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML
extension BuiltInProducers {
    /// Kinds that exist to make Secrets and certificates. Each entry says where its naming is
    /// documented.
    static let secrets = #"""
        # cert-manager Certificate: https://cert-manager.io/docs/usage/certificate/ (spec.secretName: the
        # Secret the signed certificate and key are stored in).
        - group: cert-manager.io
          kind: Certificate
          secrets: ["{spec.secretName}"]
          reads:
            secrets: [spec.keystores.jks.passwordSecretRef.name, spec.keystores.pkcs12.passwordSecretRef.name]
        # cert-manager Issuer: it makes only its ACME account key
        # (https://cert-manager.io/docs/configuration/acme/: privateKeySecretRef "will be populated with
        # data automatically"); the CA key pair (https://cert-manager.io/docs/configuration/ca/:
        # spec.ca.secretName), Vault, Venafi and DNS-01 credentials are Secrets it reads.
        - group: cert-manager.io
          kind: Issuer
          secrets: ["{spec.acme.privateKeySecretRef.name}"]
          reads:
            secrets: [spec.ca.secretName, spec.vault.auth.tokenSecretRef.name, spec.vault.auth.appRole.secretRef.name,
                      spec.vault.auth.kubernetes.secretRef.name, spec.vault.caBundleSecretRef.name,
                      spec.venafi.tpp.credentialsRef.name, spec.venafi.cloud.apiTokenSecretRef.name,
                      spec.acme.externalAccountBinding.keySecretRef.name,
                      "spec.acme.solvers[].dns01.cloudflare.apiTokenSecretRef.name",
                      "spec.acme.solvers[].dns01.cloudflare.apiKeySecretRef.name",
                      "spec.acme.solvers[].dns01.route53.secretAccessKeySecretRef.name",
                      "spec.acme.solvers[].dns01.cloudDNS.serviceAccountSecretRef.name",
                      "spec.acme.solvers[].dns01.azureDNS.clientSecretSecretRef.name",
                      "spec.acme.solvers[].dns01.digitalocean.tokenSecretRef.name",
                      "spec.acme.solvers[].dns01.rfc2136.tsigSecretSecretRef.name",
                      "spec.acme.solvers[].dns01.acmeDNS.accountSecretRef.name"]
        # A ClusterIssuer keeps and reads its Secrets in cert-manager's own namespace, which no
        # workload of the tree reads: listed so that it is known to make nothing here.
        - group: cert-manager.io
          kind: ClusterIssuer
        # cert-manager's ingress-shim: https://cert-manager.io/docs/usage/ingress/ (an Ingress annotated
        # with an issuer, or kubernetes.io/tls-acme: "true", gets a Certificate for each tls entry
        # "with the name provided in the tls.secretName field"; certmanager.k8s.io is the pre-0.11 group).
        - group: networking.k8s.io
          kind: Ingress
          secrets:
          - name: "{spec.tls[].secretName}"
            when: &issuerAnnotations
            - {"metadata.annotations['cert-manager.io/cluster-issuer']": "*"}
            - {"metadata.annotations['cert-manager.io/issuer']": "*"}
            - {"metadata.annotations['certmanager.k8s.io/cluster-issuer']": "*"}
            - {"metadata.annotations['certmanager.k8s.io/issuer']": "*"}
            - {"metadata.annotations['kubernetes.io/tls-acme']": "true"}
        # The same for Ingresses of the extensions/v1beta1 API (https://cert-manager.io/docs/usage/ingress/).
        - group: extensions
          kind: Ingress
          secrets:
          - name: "{spec.tls[].secretName}"
            when: *issuerAnnotations

        # Sealed Secrets: https://github.com/bitnami-labs/sealed-secrets#usage ("the SealedSecret and
        # Secret must have the same namespace and name").
        - group: bitnami.com
          kind: SealedSecret
          secrets: ["{name}"]

        # External Secrets Operator: https://external-secrets.io/latest/api/externalsecret/ (target.name
        # "Defaults to .metadata.name of the ExternalSecret"); with creationPolicy Merge or None it
        # makes nothing (https://external-secrets.io/latest/guides/ownership-deletion-policy/).
        - group: external-secrets.io
          kind: ExternalSecret
          secrets:
          - name: "{spec.target.name|name}"
            unless: {spec.target.creationPolicy: [Merge, None]}
        # ClusterExternalSecret: https://external-secrets.io/latest/api/clusterexternalsecret/ (an
        # ExternalSecret, named externalSecretName or after the object, in every selected namespace).
        - group: external-secrets.io
          kind: ClusterExternalSecret
          secrets:
          - name: "{spec.externalSecretSpec.target.name|spec.externalSecretName|name}"
            namespace: "*"
            unless: {spec.externalSecretSpec.target.creationPolicy: [Merge, None]}

        # HashiCorp Vault Secrets Operator: https://developer.hashicorp.com/vault/docs/platform/k8s/vso/api-reference
        # (Destination, api/v1beta1/common.go: name "Name of the Secret"; create "Create the
        # destination Secret. If the Secret already exists this should be set to false", false by
        # default).
        - group: secrets.hashicorp.com
          kind: VaultStaticSecret
          secrets: [{name: "{spec.destination.name}", when: {spec.destination.create: true}}]
        - group: secrets.hashicorp.com
          kind: VaultDynamicSecret
          secrets: [{name: "{spec.destination.name}", when: {spec.destination.create: true}}]
        - group: secrets.hashicorp.com
          kind: VaultPKISecret
          secrets: [{name: "{spec.destination.name}", when: {spec.destination.create: true}}]
        - group: secrets.hashicorp.com
          kind: HCPVaultSecretsApp
          secrets: [{name: "{spec.destination.name}", when: {spec.destination.create: true}}]

        # 1Password Connect operator: https://github.com/1Password/onepassword-operator#usage (the item's
        # name "will also be used for naming the generated kubernetes secret").
        - group: onepassword.com
          kind: OnePasswordItem
          secrets: ["{name}"]

        # trust-manager Bundle: https://cert-manager.io/docs/trust/trust-manager/ ("a ConfigMap called
        # <bundle name> ... created in all namespaces"; spec.target.secret makes a Secret too).
        - group: trust.cert-manager.io
          kind: Bundle
          configMaps: [{name: "{name}", namespace: "*", when: {spec.target.configMap: "*"}}]
          secrets: [{name: "{name}", namespace: "*", when: {spec.target.secret: "*"}}]

        # Crossplane: every managed resource and claim may write its connection details to the Secret
        # spec.writeConnectionSecretToRef names, in its namespace field or the object's own
        # (https://docs.crossplane.io/knowledge-base/guides/connection-details/: "Defining the
        # writeConnectionSecretToRef.name in a Claim", name and namespace on managed resources;
        # apis/core/v2/resource_namespace.go and resource_cluster.go).
        - group: "*"
          kind: "*"
          secrets:
          - name: "{spec.writeConnectionSecretToRef.name}"
            namespace: "{spec.writeConnectionSecretToRef.namespace|namespace}"
        """#
}
