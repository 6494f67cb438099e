// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for NearDup's input readers, text normaliser and HTML story extractor.
// Build with the fuzzer and address sanitizers; libFuzzer supplies `main`:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --scratch-path .build-fuzz
// or simply use ./run.sh TARGET SECONDS.
let package = Package(
    name: "NearDupFuzz",
    dependencies: [
        .package(name: "NearDup", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for the harnesses' entry points.
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "FuzzJSONRecord",
            dependencies: ["CFuzzDriver", .product(name: "NearDup", package: "NearDup")]
        ),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["CFuzzDriver", .product(name: "NearDup", package: "NearDup")]
        ),
        .executableTarget(
            name: "FuzzNormalizer",
            dependencies: ["CFuzzDriver", .product(name: "NearDup", package: "NearDup")]
        ),
        .executableTarget(
            name: "FuzzHTML",
            dependencies: ["CFuzzDriver", .product(name: "NearDup", package: "NearDup")]
        ),
    ]
)
