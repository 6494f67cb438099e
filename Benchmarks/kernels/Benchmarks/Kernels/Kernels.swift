// Micro-benchmarks of NearDup's hashing kernels on real news text: XXH3 over the raw
// bytes, normalisation, word 5-gram shingling (the sorted set, and the windows in text order)
// and MinHash sketching (each scheme and kernel variant), at four document sizes. One iteration is one document. Besides the framework's
// documents per second (`Throughput (# / s)`), each iteration records its bytes per second
// (`Throughput (bytes/s)`): raw document bytes over the time of the kernel call alone, the
// way `neardup bench` counts MB/s.
//
// The documents are built once per process, before any benchmark runs; normalised text and
// shingle sets are made in each benchmark's setup, outside the measured iterations. The
// measured closures reuse their output buffers across iterations, so `Malloc (total)` counts
// only what the kernels allocate themselves.

import Benchmark
import Foundation
@_spi(Kernels) import NearDup

// MARK: - Documents

/// One document of the suite: stories from the Reuters sample strung together.
struct SizedDocument: Sendable {
    let label: String
    let text: String
    var bytes: Int { text.utf8.count }
}

/// The document sizes each kernel runs at.
let documentSizes: [(label: String, bytes: Int)] = [
    ("1KB", 1 << 10),
    ("4KB", 4 << 10),
    ("32KB", 32 << 10),
    ("1MB", 1 << 20),
]

enum ReutersSample {
    private struct Story: Decodable {
        let id: String
        let text: String
    }

    /// `Data/reuters/reuters-sample.jsonl` of the NearDup repository, found from this source
    /// file's place in it (`Benchmarks/kernels/Benchmarks/Kernels/Kernels.swift`), so the
    /// suite runs from any clone.
    static var url: URL {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Data/reuters/reuters-sample.jsonl")
    }

    static func loadStories() -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            fatalError("cannot read the Reuters sample at \(url.path): \(error)")
        }
        let decoder = JSONDecoder()
        var stories: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            do {
                let story = try decoder.decode(Story.self, from: Data(line))
                if !story.text.isEmpty { stories.append(story.text) }
            } catch {
                fatalError("bad record in \(url.path): \(error)")
            }
        }
        precondition(!stories.isEmpty, "no stories in \(url.path)")
        return stories
    }

    /// Stories joined as paragraphs, in file order, until `bytes` is reached; cut at the last
    /// whitespace at or before `bytes`, so no word (and no UTF-8 sequence) is split.
    static func document(of bytes: Int, label: String, from stories: [String]) -> SizedDocument {
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 8192)
        var next = 0
        while text.count < bytes {
            if !text.isEmpty { text.append(contentsOf: "\n\n".utf8) }
            text.append(contentsOf: stories[next % stories.count].utf8)
            next += 1
        }
        var end = text.count
        if text.count > bytes {
            end = bytes
            while end > 0 && !isWhitespace(text[end]) { end -= 1 }
        }
        while end > 0 && isWhitespace(text[end - 1]) { end -= 1 }
        return SizedDocument(label: label, text: String(decoding: text[..<end], as: UTF8.self))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}

// MARK: - Per-benchmark state (reference types: the buffers live across iterations)

final class NormalizeState {
    let text: String
    let normalizer = TextNormalizer()
    var output: [UInt8] = []
    var quotedWords: [Bool] = []

    init(text: String) { self.text = text }
}

final class ShingleState {
    let normalized: [UInt8]
    var shingler = Shingler(kind: .words(5), seed: 1, leadLength: 0)
    var hashes: [UInt64] = []

    init(normalized: [UInt8]) { self.normalized = normalized }
}

final class SketchState {
    let hasher: MinHasher
    let shingles: [UInt64]
    var signature: [UInt32]

    init(hasher: MinHasher, shingles: [UInt64]) {
        self.hasher = hasher
        self.shingles = shingles
        self.signature = [UInt32](repeating: MinHasher.emptyValue, count: hasher.numPermutations)
    }
}

func normalized(_ text: String) -> [UInt8] {
    var output: [UInt8] = []
    TextNormalizer().normalize(text, into: &output)
    return output
}

func shingleSet(of text: String) -> [UInt64] {
    var shingler = Shingler(kind: .words(5), seed: 1, leadLength: 0)
    var hashes: [UInt64] = []
    shingler.shingleSet(of: normalized(text), into: &hashes)
    return hashes
}

/// `SCHEME/VARIANT` as `neardup bench` names it: the one-permutation fast kernel has unsafe
/// buffers and cached probes but no vector lanes, so it is `oph/unsafe`, not `oph/simd`; the
/// classic scheme keeps `scalar` and `simd`.
func variantName(_ scheme: MinHashScheme, _ variant: KernelVariant) -> String {
    let name = scheme == .onePermutation && variant == .simd ? "unsafe" : variant.rawValue
    return "\(scheme.rawValue)/\(name)"
}

// MARK: - Measurement

enum KernelMetric {
    /// Raw document bytes per second of one kernel call.
    static var bytesPerSecond: BenchmarkMetric {
        .custom("Throughput (bytes/s)", polarity: .prefersLarger, useScalingFactor: false)
    }
}

/// Runs `body` once and records its rate in bytes per second of a `bytes`-long document.
@inline(__always)
func timed(_ benchmark: Benchmark, bytes: Int, _ body: () -> Void) {
    let clock = ContinuousClock()
    let start = clock.now
    body()
    let (seconds, attoseconds) = start.duration(to: clock.now).components
    let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    if nanoseconds > 0 {
        benchmark.measurement(KernelMetric.bytesPerSecond, Int((Double(bytes) * 1e9 / nanoseconds).rounded()))
    }
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, KernelMetric.bytesPerSecond, .wallClock, .mallocCountTotal],
        units: [KernelMetric.bytesPerSecond: .mega],
        warmupIterations: 2,
        scalingFactor: .one,
        maxDuration: .seconds(1),
        maxIterations: 100_000
    )

    let stories = ReutersSample.loadStories()
    let documents = documentSizes.map { ReutersSample.document(of: $0.bytes, label: $0.label, from: stories) }

    // The hash every word and shingle goes through, over the raw bytes: a ceiling for the rest.
    for document in documents {
        let bytes = document.bytes
        let raw = Array(document.text.utf8)
        Benchmark("xxh3 \(document.label)") { benchmark in
            var hash: UInt64 = 0
            timed(benchmark, bytes: bytes) {
                hash = raw.withUnsafeBytes { XXH3.hash($0, seed: 1) }
            }
            blackHole(hash)
        }
    }

    for document in documents {
        let bytes = document.bytes
        Benchmark("normalize \(document.label)") { benchmark, state in
            timed(benchmark, bytes: bytes) {
                state.normalizer.normalize(state.text, into: &state.output, quotedWords: &state.quotedWords)
            }
            blackHole(state.output.count)
        } setup: {
            NormalizeState(text: document.text)
        }
    }

    // The sorted, duplicate-free set, and the windows alone (text order, repeats kept: what the
    // pipeline sketches), so the difference is the cost of making the set.
    for document in documents {
        let bytes = document.bytes
        for makesSet in [true, false] {
            Benchmark("shingle words:5 \(makesSet ? "" : "windows ")\(document.label)") { benchmark, state in
                timed(benchmark, bytes: bytes) {
                    if makesSet {
                        state.shingler.shingleSet(of: state.normalized, into: &state.hashes)
                    } else {
                        state.shingler.shingles(of: state.normalized, into: &state.hashes)
                    }
                }
                blackHole(state.hashes.count)
            } setup: {
                ShingleState(normalized: normalized(document.text))
            }
        }
    }

    // Every scheme in every kernel variant, through the public `MinHasher.sketch(_:into:)`
    // (its concrete `[UInt64]` overload), as a caller outside the module uses it.
    for scheme in MinHashScheme.allCases {
        for variant in KernelVariant.allCases {
            for permutations in [64, 128, 256] {
                for document in documents {
                    let bytes = document.bytes
                    let name = "minhash \(variantName(scheme, variant)) K=\(permutations) \(document.label)"
                    Benchmark(name) { benchmark, state in
                        timed(benchmark, bytes: bytes) {
                            state.hasher.sketch(state.shingles, into: &state.signature)
                        }
                        blackHole(state.signature[0])
                    } setup: {
                        SketchState(
                            hasher: MinHasher(numPermutations: permutations, seed: 1, scheme: scheme, variant: variant),
                            shingles: shingleSet(of: document.text))
                    }
                }
            }
        }
    }
}
