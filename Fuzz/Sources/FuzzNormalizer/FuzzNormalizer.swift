import CFuzzDriver
@_spi(Kernels) import NearDup

// Runs the text normaliser on arbitrary bytes (decoded as UTF-8, invalid sequences
// replaced) with the default options and with every option off, and checks that the
// output is a canonical word stream: words separated by single spaces, no leading or
// trailing space, valid UTF-8, and one quotedWords flag per word.

private let normalizers = [
    TextNormalizer(),
    TextNormalizer(options: .init(foldsText: false, stripsMarkup: false, removesBoilerplate: false)),
    TextNormalizer(options: .init(foldsText: true, stripsMarkup: false, removesBoilerplate: false)),
    TextNormalizer(options: .init(foldsText: false, stripsMarkup: true, removesBoilerplate: true)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var output: [UInt8] = []
    var quotedWords: [Bool] = []
    for (index, normalizer) in normalizers.enumerated() {
        normalizer.normalize(text, into: &output, quotedWords: &quotedWords)
        check(output, quotedWords, options: index)
        // The String convenience must agree with the byte form.
        let asString = normalizer.normalize(text)
        if Array(asString.utf8) != output {
            fatalError("normalize(_:) and normalize(_:into:) differ (options #\(index))")
        }
    }
    return 0
}

private func check(_ output: [UInt8], _ quotedWords: [Bool], options: Int) {
    let space = UInt8(ascii: " ")
    if output.first == space { fatalError("leading space in output (options #\(options))") }
    if output.last == space { fatalError("trailing space in output (options #\(options))") }
    var words = output.isEmpty ? 0 : 1
    var previous: UInt8 = 0
    for byte in output {
        if byte == space {
            if previous == space { fatalError("double space in output (options #\(options))") }
            words += 1
        }
        previous = byte
    }
    if quotedWords.count != words {
        fatalError("quotedWords.count \(quotedWords.count) != \(words) words (options #\(options))")
    }
    if String(validating: output, as: UTF8.self) == nil {
        fatalError("output is not valid UTF-8 (options #\(options))")
    }
}

// SwiftPM links an executable with `main` aliased to `FuzzNormalizer_main`; hand control to libFuzzer.
@_cdecl("FuzzNormalizer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
            fuzz(data ?? UnsafePointer(empty.baseAddress!), size)
        }
    }
}
