import CFuzzDriver
import NearDup
import NearDupIO
#if canImport(Glibc)
import Glibc
#endif

// Writes the input to one temporary file per process and reads it with CSVReader.
// Reader errors (InputError) are expected for malformed input; crashes, sanitizer
// reports and hangs are findings. Also checks that every document it returns has a
// record range inside the file (an empty id is allowed: "an empty id is still an id").

private let path = "/tmp/neardup-fuzz-csv-\(getpid()).csv"
private let reader = CSVReader(fields: FieldSelection(id: "id", text: "text", source: "source"))
// The smallest chunk size (16 bytes) exercises records that straddle buffer refills.
private let smallChunkReader = CSVReader(fields: FieldSelection(id: "id", text: "text"), chunkSize: 16)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let file = fopen(path, "wb") else { fatalError("cannot create \(path)") }
    if size > 0, fwrite(data, 1, size, file) != size { fatalError("cannot write \(path)") }
    fclose(file)

    var strict: [Document] = []
    do {
        try reader.forEachDocument(in: path) { strict.append($0) }
    } catch is InputError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }

    var lenient: [Document] = []
    var invalid = 0
    do {
        try smallChunkReader.forEachDocument(in: path, onInvalid: { _ in invalid += 1 }) { lenient.append($0) }
    } catch is InputError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }

    for document in strict + lenient {
        if let range = document.recordRange, range.lowerBound < 0 || range.upperBound > size {
            fatalError("record range \(range) outside a file of \(size) bytes")
        }
    }
    return 0
}

// SwiftPM links an executable with `main` aliased to `FuzzCSV_main`; hand control to libFuzzer.
@_cdecl("FuzzCSV_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
            fuzz(data ?? UnsafePointer(empty.baseAddress!), size)
        }
    }
}
