/// Writes the manifests of one generated app. Kept apart from `TreeGenerator` so that the shape
/// of an app reads top to bottom like the YAML it produces.
struct AppWriter {
    let index: Int
    let name: String
    let team: String
    private var random: SplitMix64

    static let teams = ["payments", "search", "identity", "catalog", "platform", "growth", "ledger", "media"]
    static let settingNames = [
        "LOG_LEVEL", "LOG_FORMAT", "DATABASE_HOST", "DATABASE_PORT", "DATABASE_NAME", "DATABASE_USER",
        "CACHE_URL", "CACHE_TTL_SECONDS", "BROKER_URL", "FEATURE_FLAGS", "HTTP_TIMEOUT_MS", "MAX_CONNECTIONS",
        "TZ", "REGION", "TRACING_ENDPOINT", "METRICS_PREFIX", "WORKERS", "RETRY_LIMIT", "UPLOAD_DIR", "ALLOWED_HOSTS",
    ]
    static let images = ["python:3.12.4-slim", "node:20.15.0-alpine", "eclipse-temurin:21.0.3_9-jre", "golang:1.22.5", "ruby:3.3.4-slim"]

    init(index: Int, seed: UInt64) {
        self.index = index
        random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        team = Self.teams[index % Self.teams.count]
        name = "\(team)-svc-\(index)"
    }

    mutating func files() -> [TreeGenerator.File] {
        let keyCount = random.next(in: 10...20)
        let settings = (0..<keyCount).map { Self.settingNames[$0] }
        let port = 8000 + random.next(in: 0...999)
        let replicas = random.next(in: 1...5)
        let image = random.pick(Self.images)
        let storage = random.pick(["1Gi", "5Gi", "20Gi"])
        let configMapName = "\(name)-env"
        let claimName = "\(name)-data"
        let directory = "\(team)/\(name)"

        let deployment = deploymentYAML(settings: settings, configMap: configMapName, claim: claimName, port: port, replicas: replicas, image: image)
        let service = serviceYAML(port: port)
        let configMap = configMapYAML(configMapName, settings: settings, port: port)
        let claim = claimYAML(claimName, storage: storage)

        var files = [TreeGenerator.File(path: "\(directory)/deployment.yaml", contents: deployment)]
        if index % 5 == 4 {
            files.append(TreeGenerator.File(path: "\(directory)/bundle.yaml", contents: [service, configMap, claim].joined(separator: "---\n")))
        } else {
            files.append(TreeGenerator.File(path: "\(directory)/service.yaml", contents: service))
            files.append(TreeGenerator.File(path: "\(directory)/configmap.yaml", contents: configMap))
            files.append(TreeGenerator.File(path: "\(directory)/pvc.yml", contents: claim))
        }
        if index % 10 == 0 {
            files.append(TreeGenerator.File(path: "\(directory)/ingress.yaml", contents: ingressYAML(port: port)))
        }
        return files
    }

    private func metadata(_ objectName: String, indent: String = "", annotated: Bool = true) -> String {
        var text = "\(indent)metadata:\n"
        if annotated {
            text += "\(indent)  annotations:\n"
            text += "\(indent)    kompose.cmd: kompose convert -f docker-compose.yml\n"
            text += "\(indent)    kompose.version: 1.19.0 (f63a961c)\n"
        }
        text += "\(indent)  labels:\n"
        text += "\(indent)    app.kubernetes.io/name: \(name)\n"
        text += "\(indent)    app.kubernetes.io/part-of: \(team)\n"
        text += "\(indent)  name: \(objectName)\n"
        return text
    }

    private func deploymentYAML(settings: [String], configMap: String, claim: String, port: Int, replicas: Int, image: String) -> String {
        var text = "apiVersion: apps/v1\nkind: Deployment\n"
        text += metadata(name)
        text += """
            spec:
              replicas: \(replicas)
              selector:
                matchLabels:
                  app.kubernetes.io/name: \(name)
              strategy:
                type: RollingUpdate
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: \(name)
                    app.kubernetes.io/part-of: \(team)
                spec:
                  containers:
                  - name: app
                    image: registry.example.com/\(team)/\(image)
                    imagePullPolicy: IfNotPresent
                    args: ["--port", "\(port)"]
                    ports:
                    - name: http
                      containerPort: \(port)
                      protocol: TCP
                    env:

            """
        for setting in settings {
            text += """
                        - name: \(setting)
                          valueFrom:
                            configMapKeyRef:
                              name: \(configMap)
                              key: \(setting)

                """
        }
        text += """
                    - name: POD_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
                    livenessProbe:
                      httpGet:
                        path: /healthz
                        port: http
                      initialDelaySeconds: 10
                      periodSeconds: 15
                    readinessProbe:
                      tcpSocket:
                        port: \(port)
                      periodSeconds: 5
                    resources:
                      requests:
                        cpu: 100m
                        memory: 128Mi
                      limits:
                        cpu: "1"
                        memory: 512Mi
                    securityContext:
                      runAsNonRoot: true
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                    volumeMounts:
                    - name: data
                      mountPath: /var/lib/\(name)
                    - name: tmp
                      mountPath: /tmp
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: \(claim)
                  - name: tmp
                    emptyDir: {}

            """
        return text
    }

    private func serviceYAML(port: Int) -> String {
        var text = "apiVersion: v1\nkind: Service\n"
        text += metadata(name)
        text += """
            spec:
              type: ClusterIP
              ports:
              - name: http
                port: 80
                targetPort: http
                protocol: TCP
              selector:
                app.kubernetes.io/name: \(name)

            """
        return text
    }

    private mutating func configMapYAML(_ configMapName: String, settings: [String], port: Int) -> String {
        var text = "apiVersion: v1\nkind: ConfigMap\n"
        text += metadata(configMapName, annotated: false)
        text += "data:\n"
        for setting in settings {
            text += "  \(setting): \(settingValue(setting, port: port))\n"
        }
        return text
    }

    /// Values as people write them, including the ones that must be quoted to stay strings.
    private mutating func settingValue(_ setting: String, port: Int) -> String {
        switch setting {
        case "LOG_LEVEL": random.pick(["info", "debug", "warning"])
        case "LOG_FORMAT": "json"
        case "DATABASE_HOST": "\(team)-db.\(team).svc.cluster.local"
        case "DATABASE_PORT": "\"5432\""
        case "DATABASE_NAME", "DATABASE_USER": name.withUnderscoresForDashes()
        case "CACHE_URL": "redis://\(team)-cache:6379/\(random.next(in: 0...15))"
        case "CACHE_TTL_SECONDS": "\"\(random.next(in: 30...3600))\""
        case "BROKER_URL": "amqp://\(team)-broker:5672/\(name)"
        case "FEATURE_FLAGS": "'search-v2,checkout-beta'"
        case "HTTP_TIMEOUT_MS": "\"\(random.next(in: 500...30000))\""
        case "MAX_CONNECTIONS": "\"\(random.next(in: 10...500))\""
        case "TZ": "UTC"
        case "REGION": random.pick(["eu-west-1", "us-east-2", "ap-south-1"])
        case "TRACING_ENDPOINT": "http://otel-collector.observability:4317"
        case "METRICS_PREFIX": "\(team)_\(index)"
        case "WORKERS": "\"\(random.next(in: 1...16))\""
        case "RETRY_LIMIT": "\"\(random.next(in: 0...9))\""
        case "UPLOAD_DIR": "/var/lib/\(name)/uploads"
        default: "\"\(name),localhost:\(port)\""
        }
    }

    private func claimYAML(_ claimName: String, storage: String) -> String {
        var text = "apiVersion: v1\nkind: PersistentVolumeClaim\n"
        text += metadata(claimName, annotated: false)
        text += """
            spec:
              accessModes:
              - ReadWriteOnce
              resources:
                requests:
                  storage: \(storage)

            """
        return text
    }

    private func ingressYAML(port: Int) -> String {
        var text = "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"
        text += metadata(name, annotated: false)
        text += """
            spec:
              ingressClassName: nginx
              rules:
              - host: \(name).example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: \(name)
                        port:
                          name: http

            """
        return text
    }
}

extension String {
    /// Database identifiers do not take dashes.
    fileprivate func withUnderscoresForDashes() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
