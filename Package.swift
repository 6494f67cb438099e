// swift-tools-version:6.2
import Foundation
import PackageDescription

/// Lets the compiler use the vector units of the machine that builds: on x86-64 with AVX2
/// (and the BMI2/FMA/MOVBE that come with it) the code is compiled for Haswell-class CPUs,
/// which makes the classic MinHash SIMD kernel several times faster than with the SSE2 baseline
/// (README, "Build settings", names the CPU and the figures). arm64 always has NEON.
///
/// Only where NearDup is built as the package itself (as the README builds it), or when
/// NEARDUP_NATIVE_CPU=1 asks for it: a project that depends on NearDup gets code for any CPU of
/// its architecture, since what it builds may run elsewhere, and SwiftPM refuses the flag in a
/// dependency taken by version. NEARDUP_PORTABLE=1 turns it off here too.
let vectorSettings: [SwiftSetting] = {
    let environment = ProcessInfo.processInfo.environment
    guard environment["NEARDUP_PORTABLE"] == nil else { return [] }
    // SwiftPM and Xcode check out dependencies into a `checkouts` folder.
    let isDependency = Context.packageDirectory.split(separator: "/").contains("checkouts")
    guard !isDependency || environment["NEARDUP_NATIVE_CPU"] == "1" else { return [] }
    #if arch(x86_64) && os(Linux)
    guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagLine = cpuInfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(flagLine.split(separator: " ").map(String.init))
    guard ["avx2", "bmi2", "fma", "movbe"].allSatisfy(flags.contains) else { return [] }
    return [.unsafeFlags(["-target-cpu", "haswell"])]
    #else
    return []
    #endif
}()

let package = Package(
    name: "NearDup",
    products: [
        .library(name: "NearDup", targets: ["NearDup", "NearDupIO", "NearDupArchive"]),
        .executable(name: "neardup", targets: ["neardup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SQLite (Debian's libsqlite3-dev) for the archive index: one transaction per command,
        // readers beside a writer (WAL), versioned schema migrations.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The engine: text to clusters, one module so that hot code stays specialised.
        .target(
            name: "NearDup",
            dependencies: ["CXXHash", "CLibXML2"],
            swiftSettings: vectorSettings
        ),
        // Readers of corpora (JSON Lines, CSV, folders, gzip, other encodings) into documents,
        // and the gzip writer; the engine never sees a file.
        .target(
            name: "NearDupIO",
            dependencies: ["NearDup", "CZlib"],
            swiftSettings: vectorSettings
        ),
        // Scoring a clustering against labels (adjusted Rand index, pair and B-cubed measures).
        .target(name: "NearDupEval", dependencies: ["NearDup"]),
        // Labelled corpora of reprinted news, generated from real stories (`neardup synth`).
        .target(name: "NearDupSynth", dependencies: ["NearDup", "NearDupIO"]),
        // The archive index: sketches, band keys and copy edges kept in SQLite, so that adding,
        // querying and removing touch only what they need.
        .target(
            name: "NearDupArchive",
            dependencies: [
                "NearDup",
                "NearDupIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own calls, for writing band keys by the million.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "neardup",
            dependencies: [
                "NearDup",
                "NearDupIO",
                "NearDupArchive",
                "NearDupEval",
                "NearDupSynth",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test folders that are removed when the test process exits.
        .target(
            name: "TestScratch",
            path: "Tests/TestScratch"
        ),
        .testTarget(
            name: "NearDupTests",
            dependencies: ["NearDup", "NearDupIO", "NearDupEval", "NearDupSynth", "TestScratch"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NearDupArchiveTests",
            dependencies: ["NearDup", "NearDupIO", "NearDupArchive", "NearDupSynth", "TestScratch", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "NeardupCLITests",
            dependencies: ["NearDup", "NearDupIO", "neardup", "TestScratch"]
        ),
    ]
)
