// swift-tools-version:6.0
import PackageDescription

// Layers, one direction: YAML → Model → Graph → Rules → Report → Driver → CLI.
// Each layer is its own module so the compiler enforces that no layer reaches up.
let package = Package(
    name: "kubelint",
    products: [
        .executable(name: "kubelint", targets: ["kubelint"]),
        .library(name: "KubeLintDriver", targets: ["KubeLintDriver"]),
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
        // The references between objects (the reference graph), host references in
        // configuration, and the order to create a tree in; what exists outside the tree is
        // told by the rules (`ReferenceResolver`).
        .target(name: "KubeLintGraph", dependencies: ["KubeLintModel"]),
        .target(name: "KubeLintRules", dependencies: ["KubeLintModel", "KubeLintGraph"]),
        .target(name: "KubeLintReport", dependencies: ["KubeLintRules", "KubeLintGraph"]),
        .target(name: "KubeLintDriver", dependencies: ["KubeLintReport"]),
        .executableTarget(
            name: "kubelint",
            dependencies: [
                "KubeLintDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over the whole pipeline; see scripts/fuzz.sh.
        .executableTarget(name: "kubelint-fuzz", dependencies: ["KubeLintDriver"]),
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
        .testTarget(name: "KubeLintRulesTests", dependencies: ["KubeLintRules"]),
        .testTarget(name: "KubeLintReportTests", dependencies: ["KubeLintReport"], exclude: ["Golden"]),
        .testTarget(name: "KubeLintDriverTests", dependencies: ["KubeLintDriver"]),
        // Runs the built binary; the dependency makes `swift test` build it first.
        .testTarget(name: "KubeLintCLITests", dependencies: ["kubelint"]),
        .testTarget(name: "KubeLintBenchTests", dependencies: ["KubeLintBench", "KubeLintDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
