// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks of NearDup's hashing kernels (normalise, shingle, MinHash), kept in a
// package of their own so that the main build does not fetch or compile the benchmark
// framework. Run from this folder with `swift package benchmark`; see README.md.
let package = Package(
    name: "NearDupKernelBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named: a path dependency's identity is otherwise its folder's name, which differs
        // between clones (and worktrees) of the repository.
        .package(name: "NearDup", path: "../.."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Kernels",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NearDup", package: "NearDup"),
            ],
            path: "Benchmarks/Kernels",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
