import NearDup

/// Draws integers from a truncated Zipf-like law: P(k) ∝ (k + 1)^(-exponent) for
/// k = 0...maximum. With exponent 2 and maximum 50 about 62% of draws are 0, 15% are 1,
/// 7% are 2, and about 5% are 10 or more: many stories with no or few copies, a few
/// with dozens.
package struct ZipfSampler: Sendable {
    package let maximum: Int
    package let exponent: Double
    /// cumulative[k] = P(value <= k); the last entry is 1.
    private let cumulative: [Double]

    package init(maximum: Int, exponent: Double) {
        precondition(maximum >= 0 && exponent > 0)
        self.maximum = maximum
        self.exponent = exponent
        let weights = (0...maximum).map { DeterministicMath.pow(Double($0 + 1), -exponent) }
        var total = 0.0
        for weight in weights { total += weight }
        var running = 0.0
        var table: [Double] = []
        table.reserveCapacity(weights.count)
        for weight in weights {
            running += weight
            table.append(running / total)
        }
        table[table.count - 1] = 1
        cumulative = table
    }

    /// P(value = k).
    package func probability(of k: Int) -> Double {
        guard (0...maximum).contains(k) else { return 0 }
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1]
    }

    /// The mean of the law.
    package var mean: Double {
        var sum = 0.0
        for k in 0...maximum { sum += Double(k) * probability(of: k) }
        return sum
    }

    package func sample(_ random: inout SynthRandom) -> Int {
        let u = random.unit()
        var low = 0
        var high = maximum
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
