/// Which implementation of a hot loop runs. Both give bit-identical results; `simd` uses
/// vector types over unsafe buffers, `scalar` is its plain twin that tests compare it with.
public enum KernelVariant: String, Sendable, CaseIterable, Equatable {
    case scalar
    case simd
}
