import NearDup

/// Agreement between a predicted clustering and the true one, over the same ids.
///
/// Adjusted Rand index (Hubert & Arabie) is chance-corrected pair agreement; pair precision,
/// recall and F1 count same-cluster pairs; B-cubed averages per document, so one giant
/// wrong cluster cannot hide behind many right small ones.
package struct ClusteringMetrics: Sendable, Equatable {
    package var documents: Int
    package var adjustedRandIndex: Double
    package var pairPrecision: Double
    package var pairRecall: Double
    package var pairF1: Double
    package var bCubedPrecision: Double
    package var bCubedRecall: Double
    package var bCubedF1: Double

    /// `predicted[i]` and `truth[i]` are the cluster labels of document i.
    package init(predicted: [Int], truth: [Int]) {
        precondition(predicted.count == truth.count)
        let n = predicted.count
        documents = n
        var joint: [Pair: Int] = [:]
        var predictedSizes: [Int: Int] = [:]
        var trueSizes: [Int: Int] = [:]
        for (p, t) in zip(predicted, truth) {
            joint[Pair(p, t), default: 0] += 1
            predictedSizes[p, default: 0] += 1
            trueSizes[t, default: 0] += 1
        }
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        let sharedPairs = joint.values.reduce(0.0) { $0 + pairs($1) }
        let predictedPairs = predictedSizes.values.reduce(0.0) { $0 + pairs($1) }
        let truePairs = trueSizes.values.reduce(0.0) { $0 + pairs($1) }
        let allPairs = pairs(n)

        let expected = allPairs > 0 ? predictedPairs * truePairs / allPairs : 0
        let maximum = (predictedPairs + truePairs) / 2
        if maximum == expected {
            adjustedRandIndex = 1  // both trivial and identical in structure
        } else {
            adjustedRandIndex = (sharedPairs - expected) / (maximum - expected)
        }
        pairPrecision = predictedPairs > 0 ? sharedPairs / predictedPairs : 1
        pairRecall = truePairs > 0 ? sharedPairs / truePairs : 1
        pairF1 = Self.harmonicMean(pairPrecision, pairRecall)

        var precisionSum = 0.0
        var recallSum = 0.0
        for (key, together) in joint {
            precisionSum += Double(together) * Double(together) / Double(predictedSizes[key.predicted]!)
            recallSum += Double(together) * Double(together) / Double(trueSizes[key.truth]!)
        }
        bCubedPrecision = n > 0 ? precisionSum / Double(n) : 1
        bCubedRecall = n > 0 ? recallSum / Double(n) : 1
        bCubedF1 = Self.harmonicMean(bCubedPrecision, bCubedRecall)
    }

    private static func harmonicMean(_ a: Double, _ b: Double) -> Double {
        a + b > 0 ? 2 * a * b / (a + b) : 0
    }

    private struct Pair: Hashable {
        var predicted: Int
        var truth: Int
        init(_ predicted: Int, _ truth: Int) {
            self.predicted = predicted
            self.truth = truth
        }
    }
}
