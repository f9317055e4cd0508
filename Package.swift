// swift-tools-version:6.0
// hind: Hadoop IN Docker.
//
// Layers, bottom to top (each a target):
//   CCurl            C shim: typed, non-variadic wrappers over libcurl
//   CZlib            C shim: one-shot raw DEFLATE inflation and CRC-32 over zlib
//   ZipReader        reads members of ZIP files (a Hadoop jar's *-default.xml)
//   DockerEngine     general-purpose Docker Engine HTTP API client over a unix socket
//   HindCluster      cluster model (shape, spec, topology) and what derives from it: each
//                    node's container (NodeContainer), Hadoop XML, launchers, Compose
//   HindProvisioner  use cases (ClusterProvisioner: up with rollback, start, readiness) on a
//                    ClusterProvider; DockerProvider runs them on one Docker Engine
//   HindCLI          one file per verb, on swift-argument-parser
//   hind             the executable: one line
// docs/architecture.md follows `hind up` through them.
import PackageDescription

let package = Package(
    name: "hind",
    // Linux is the target; elsewhere the Synchronization module (Mutex) needs macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hind", targets: ["hind"]),
        .library(name: "DockerEngine", targets: ["DockerEngine"]),
        .library(name: "HindCluster", targets: ["HindCluster"]),
        .library(name: "HindProvisioner", targets: ["HindProvisioner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(name: "ZipReader", dependencies: ["CZlib"]),
        .target(
            name: "DockerEngine",
            dependencies: ["CCurl"]
        ),
        .target(
            name: "HindCluster",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "HindProvisioner",
            dependencies: ["DockerEngine", "HindCluster", "ZipReader"]
        ),
        .target(
            name: "HindCLI",
            dependencies: [
                "HindCluster", "HindProvisioner", "DockerEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "hind", dependencies: ["HindCLI"]),
        .executableTarget(name: "engine-bench", dependencies: ["DockerEngine"]),

        .target(name: "HindTestSupport", dependencies: ["DockerEngine"], path: "Tests/HindTestSupport"),
        .testTarget(name: "DockerEngineTests", dependencies: ["DockerEngine", "HindTestSupport"]),
        .testTarget(name: "HindClusterTests", dependencies: ["HindCluster"]),
        .testTarget(name: "ZipReaderTests", dependencies: ["ZipReader"]),
        .testTarget(
            name: "HindProvisionerTests",
            dependencies: ["HindProvisioner", "HindCluster", "DockerEngine", "HindTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "HindCLITests", dependencies: ["HindCLI", "HindCluster", "HindTestSupport"]),
        .testTarget(
            name: "HindIntegrationTests",
            dependencies: ["HindCLI", "HindProvisioner", "DockerEngine", "HindTestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
