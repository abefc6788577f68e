// swift-tools-version:6.0
import PackageDescription

// Layers, one direction (see ARCHITECTURE.md): YAML → Model → Graph → Engine → Schema → TreeFacts →
// the rule modules (files, schema, references, contracts, security, practice) → Report (on
// the engine alone) → Driver → CLI. Each layer is its own module so the compiler enforces that no layer reaches up.
let package = Package(
    name: "kubelint",
    products: [
        .executable(name: "kubelint", targets: ["kubelint"]),
        // The embedding API (Sources/KubeLint): lint files or paths, get or stream findings.
        .library(name: "KubeLint", targets: ["KubeLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "KubeLintYAML", dependencies: ["CYAML"]),
        .target(name: "KubeLintModel", dependencies: ["KubeLintYAML"]),
        // The references between objects (the reference graph), host names in configuration,
        // and the order to create a tree in; what exists outside the tree is told by the tree
        // facts (`ReferenceResolver`).
        .target(name: "KubeLintGraph", dependencies: ["KubeLintModel"]),
        // Rule protocols, facts, the linter, configuration, suppressions, fix planning: no rule.
        .target(name: "KubeLintEngine", dependencies: ["KubeLintModel"]),
        // The Kubernetes API: generated field and lifecycle tables, the schema walks, CRDs.
        .target(name: "KubeLintSchema", dependencies: ["KubeLintEngine"]),
        // Facts about the tree that rules share: pod runners and their specs, what the tree
        // brings into being (the producer table, run-time objects), what unread input may hold,
        // how references resolve.
        .target(name: "KubeLintTreeFacts", dependencies: ["KubeLintSchema", "KubeLintGraph"]),
        // The rules, by what they look at.
        // Each rule module's `RuleList` is made at build time from its sources (Plugins/RuleList).
        .target(name: "KubeLintFileRules", dependencies: ["KubeLintSchema"], plugins: ["RuleList"]),
        .target(name: "KubeLintSchemaRules", dependencies: ["KubeLintSchema"], plugins: ["RuleList"]),
        .target(name: "KubeLintReferenceRules", dependencies: ["KubeLintTreeFacts"], plugins: ["RuleList"]),
        // Team contracts: the format and one rule per clause.
        .target(name: "KubeLintContracts", dependencies: ["KubeLintTreeFacts"], plugins: ["RuleList"]),
        // Pod security, host access, RBAC, and Pod Security admission predicted; a contract's
        // Service type wins over exposure advice.
        .target(name: "KubeLintSecurityRules", dependencies: ["KubeLintContracts"], plugins: ["RuleList"]),
        // Reliability practice (recommended profile) and the optional rules; a contract's
        // replica count wins over their advice.
        .target(name: "KubeLintPracticeRules", dependencies: ["KubeLintContracts"], plugins: ["RuleList"]),
        .plugin(name: "RuleList", capability: .buildTool()),
        // The reports; `plan` and `graph` read the reference graph.
        .target(name: "KubeLintReport", dependencies: ["KubeLintEngine", "KubeLintGraph"]),
        .target(name: "KubeLintDriver", dependencies: [
            "KubeLintReport", "KubeLintFileRules", "KubeLintSchemaRules", "KubeLintReferenceRules", "KubeLintContracts",
            "KubeLintSecurityRules", "KubeLintPracticeRules",
        ]),
        .target(name: "KubeLint", dependencies: ["KubeLintDriver"]),
        .executableTarget(
            name: "kubelint",
            dependencies: [
                "KubeLintDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over the whole pipeline; see scripts/fuzz.sh.
        .executableTarget(name: "kubelint-fuzz", dependencies: ["KubeLintDriver", "KubeLintReport", "KubeLintContracts"]),
        // Benchmark: a deterministic tree generator and the harness (scripts/bench.sh).
        .target(name: "KubeLintBench"),
        .executableTarget(
            name: "kubelint-bench",
            dependencies: [
                "KubeLintBench",
                "KubeLintDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KubeLintYAMLTests", dependencies: ["KubeLintYAML"]),
        .testTarget(name: "KubeLintModelTests", dependencies: ["KubeLintModel"]),
        .testTarget(name: "KubeLintGraphTests", dependencies: ["KubeLintGraph"]),
        .testTarget(name: "KubeLintRulesTests", dependencies: ["KubeLintDriver"], exclude: ["Golden"]),
        .testTarget(name: "KubeLintReportTests", dependencies: ["KubeLintDriver"], exclude: ["Golden"]),
        .testTarget(name: "KubeLintDriverTests", dependencies: ["KubeLintDriver"]),
        // Runs the built binary; the dependency makes `swift test` build it first.
        .testTarget(name: "KubeLintCLITests", dependencies: ["kubelint"]),
        // Replays fixtures/fuzz-regressions through the fuzz target's harness.
        .testTarget(name: "KubeLintFuzzTests", dependencies: ["kubelint-fuzz"]),
        // Uses the library as a client would: imports KubeLint and nothing else.
        .testTarget(name: "KubeLintClientTests", dependencies: ["KubeLint"]),
        .testTarget(name: "KubeLintBenchTests", dependencies: ["KubeLintBench", "KubeLintDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
