// swift-tools-version:6.1
import PackageDescription

// A package that depends on NearDup as another project would, by path, and uses only its
// public API: it builds only while that API holds what it needs.
let package = Package(
    name: "Downstream",
    dependencies: [
        .package(name: "NearDup", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "DownstreamCheck",
            dependencies: [.product(name: "NearDup", package: "NearDup")]
        ),
    ]
)
