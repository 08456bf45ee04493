// swift-tools-version: 6.1

import PackageDescription

let package = Package(
    name: "ArabicText",
    products: [
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "ArabicCore", targets: ["ArabicCore"]),
        .library(name: "ArabicEntities", targets: ["ArabicEntities"]),
        .library(name: "ArabicQuotes", targets: ["ArabicQuotes"]),
        // For your test targets: rule files and `#expect` helpers (links the Testing library).
        .library(name: "ArabicTextTesting", targets: ["ArabicTextTesting"]),
        .executable(name: "arabic-text", targets: ["arabic-text"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The only code that includes ICU headers. Its public header uses stdint types and
        // opaque handles, because Foundation on Linux carries its own ICU module.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "ArabicCore",
            dependencies: ["CICU"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ArabicEntities",
            dependencies: ["ArabicCore"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ArabicQuotes",
            dependencies: ["ArabicCore", "ArabicEntities"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ArabicText",
            dependencies: ["ArabicCore", "ArabicEntities", "ArabicQuotes"],
            resources: [.process("Resources")]
        ),
        // Rule tests and explanations, with no test framework: used by the CLI and by ArabicTextTesting.
        .target(
            name: "ArabicRules",
            dependencies: ["ArabicText"]
        ),
        .target(
            name: "ArabicTextTesting",
            dependencies: ["ArabicRules", "ArabicText"]
        ),
        .executableTarget(
            name: "arabic-text",
            dependencies: [
                "ArabicText",
                "ArabicRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ArabicCoreTests",
            dependencies: ["ArabicCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArabicEntitiesTests",
            dependencies: ["ArabicEntities"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArabicQuotesTests",
            dependencies: ["ArabicQuotes"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArabicTextTests",
            dependencies: ["ArabicText"],
            resources: [.copy("Fixtures")]
        ),
        // The library's own rule files (Rules/*.rules) and the helpers' tests.
        .testTarget(
            name: "ArabicTextTestingTests",
            dependencies: ["ArabicTextTesting"],
            resources: [.copy("Rules")]
        ),
        // Runs the built `arabic-text` executable end to end.
        .testTarget(
            name: "CLITests",
            dependencies: ["arabic-text", "ArabicCore", "ArabicRules"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// Upcoming language features, switched on for every Swift target in one place.
for target in package.targets where target.type != .system && target.name != "CICU" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
