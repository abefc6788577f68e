import Foundation
import Testing

/// `kubelint plan` and `kubelint graph` as a user runs them.
@Suite("kubelint plan and kubelint graph")
struct StackCommandLineTests {
    @Test func theStagingPlanIsPrintedForPeople() throws {
        let outcome = try Kubelint.run(["plan", "--kube-version", "1.13", "fixtures/staging/k8s"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasPrefix("Plan: 24 objects in 4 steps"))
        #expect(outcome.output.contains("   first wait until ready: Deployment broker, Pod rdms\n"))
        #expect(outcome.error.isEmpty)
    }

    @Test func eachCommandTakesOnlyItsFormats() throws {
        let plan = try Kubelint.run(["plan", "--format", "mermaid", "fixtures/staging/k8s"])
        #expect(plan.status == 2)
        #expect(plan.error.contains("Please provide one of 'text', 'json' or 'shell'"), "\(plan.error)")
        let graph = try Kubelint.run(["graph", "--format", "shell", "fixtures/staging/k8s"])
        #expect(graph.status == 2)
        #expect(graph.error.contains("Please provide one of 'mermaid', 'dot' or 'json'"), "\(graph.error)")
    }

    @Test func aFileThatCannotBeParsedIsSaidAndTheRestIsShown() throws {
        let directory = NSTemporaryDirectory() + "kubelint-plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n".write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: [Secret\n".write(toFile: directory + "/b.yaml", atomically: true, encoding: .utf8)
        let outcome = try Kubelint.run(["graph", "--format", "json", "."], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("\"name\": \"settings\""))
        #expect(outcome.error.contains("b.yaml"), "\(outcome.error)")
    }

    /// The shell plan runs as written with a `kubectl` that records what it is asked: every
    /// object is applied exactly once, a workload only after the waits for what it reaches,
    /// a custom resource only after its definition is established.
    @Test func theShellPlanAppliesEveryObjectOnceAfterItsWaits() throws {
        let directory = NSTemporaryDirectory() + "kubelint-shell-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/log"
        // apply: the names of the objects it is given (their `name:` under metadata), waits: as they are.
        let stub = """
            #!/usr/bin/env bash
            if [ "$1" = apply ]; then
              if [ "$3" = - ]; then input=$(cat); else input=$(cat "$3"); fi
              printf '%s\\n' "$input" | awk '/^kind:/ {kind=$2} /^  name:/ && kind {print "apply " kind " " $2; kind=""}' >> \(log)
            else
              echo "wait $*" >> \(log)
            fi
            """
        try stub.write(toFile: directory + "/bin/kubectl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/bin/kubectl")

        let plan = try Kubelint.run(["plan", "--format", "shell", "fixtures/stack/shop/k8s"])
        #expect(plan.status == 0)
        let script = directory + "/plan.sh"
        try plan.output.write(toFile: script, atomically: true, encoding: .utf8)
        let syntax = try Self.bash(["-n", script], path: directory + "/bin")
        #expect(syntax.status == 0, "bash -n: \(syntax.output)")
        let ran = try Self.bash([script], path: directory + "/bin")
        #expect(ran.status == 0, "\(ran.output)")

        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == [
            "apply Namespace shop",
            "apply CustomResourceDefinition caches.example.com",
            "apply PersistentVolumeClaim cart-data",
            "apply Secret frontend-secrets",
            "apply ServiceAccount frontend",
            "apply ConfigMap frontend-env",
            "apply Deployment cart",
            "apply Deployment orders",
            "apply Service cart",
            "apply Service orders",
            "apply Service payments",
            "wait rollout status deployment/orders -n shop --timeout=300s",
            "apply Deployment frontend",
            "apply Service frontend",
            "wait wait --for=condition=Established customresourcedefinition/caches.example.com --timeout=300s",
            "apply Cache sessions",
            "apply HorizontalPodAutoscaler frontend",
            "apply Ingress shop",
        ])
    }

    private static func bash(_ arguments: [String], path: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Kubelint.repositoryRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
