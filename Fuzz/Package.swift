// swift-tools-version: 6.1

// libFuzzer harnesses, a package of their own so that `swift test` in the parent never
// builds them. Build and run them with `Tools/fuzz.sh` from the parent (which passes
// `-sanitize=fuzzer,address`); see Docs/Reliability.md.

import PackageDescription

// SwiftPM names a path dependency by its folder (lowercased), not by its manifest's
// name, and a clone may live in any folder: derive the parent's identity from where
// this manifest is.
let parentIdentity = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "main"

/// One executable per harness, each exporting `LLVMFuzzerTestOneInput` (libFuzzer has the `main`).
let harnesses = ["FuzzNormalizer", "FuzzTokenizer", "FuzzQuotations", "FuzzAnalyze"]

let package = Package(
    name: "ArabicTextFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // The invariants every harness checks, and the way a broken one stops the run.
        .target(
            name: "FuzzChecks",
            dependencies: [.product(name: "ArabicText", package: parentIdentity)]
        )
    ]
        + harnesses.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzChecks", .product(name: "ArabicText", package: parentIdentity)]
            )
        }
)
