// swift-tools-version: 6.1

// The benchmarks are a package of their own, so that `swift test` in the parent never
// builds them or their dependencies. Run from this directory:
//
//     swift package benchmark
//
// See Docs/Performance.md in the parent for what they measure and the numbers.

import PackageDescription

// SwiftPM names a path dependency by its folder (lowercased), not by its manifest's
// name, and a clone may live in any folder: derive the parent's identity from where
// this manifest is.
let parentIdentity = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "main"

let package = Package(
    name: "ArabicTextBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ArabicTextBenchmarks",
            dependencies: [
                .product(name: "ArabicCore", package: parentIdentity),
                .product(name: "ArabicEntities", package: parentIdentity),
                .product(name: "ArabicText", package: parentIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ArabicTextBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
