import NearDup

/// `exp` and `log` written with IEEE-754 basic operations only (which every platform
/// rounds the same way), so tables and lengths computed from them, and therefore the
/// generated corpus, do not depend on the C library's last-bit choices.
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_3

    /// Natural logarithm of a positive finite number.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        // x = m * 2^e with m in [1, 2), then fold m into [sqrt(1/2), sqrt(2)).
        var exponent = Int(x.exponent)
        var mantissa = x.significand
        if mantissa > 1.414_213_562_373_095 {
            mantissa /= 2
            exponent += 1
        }
        // ln(m) = 2 atanh((m-1)/(m+1)) = 2 (t + t^3/3 + t^5/5 + ...), |t| < 0.172.
        let t = (mantissa - 1) / (mantissa + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<14 {
            sum += term / denominator
            term *= t2
            denominator += 2
        }
        return 2 * sum + Double(exponent) * ln2
    }

    /// e to the power x, for |x| < 700.
    static func exp(_ x: Double) -> Double {
        precondition(x.isFinite && abs(x) < 700, "exp of \(x)")
        // x = k ln2 + r with |r| <= ln2/2; e^x = 2^k e^r.
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for index in 1...20 {
            term *= r / Double(index)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// base to the power exponent, for positive base.
    static func pow(_ base: Double, _ exponent: Double) -> Double {
        exp(exponent * log(base))
    }
}
