// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "NearDup",
    products: [
        .library(name: "NearDup", targets: ["NearDup"]),
        .executable(name: "neardup", targets: ["neardup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(
            name: "NearDup",
            dependencies: ["CXXHash", "CZlib"]
        ),
        .executableTarget(
            name: "neardup",
            dependencies: [
                "NearDup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NearDupTests",
            dependencies: ["NearDup"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NeardupCLITests",
            dependencies: ["NearDup"]
        ),
    ]
)
