import KubeLintDriver

/// libFuzzer's entry point. Build with scripts/fuzz.sh, which passes `-DFUZZING` and
/// `-sanitize=fuzzer` so that libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzHarness.exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
/// Without libFuzzer, the target replays inputs given as file arguments (a corpus or crashers),
/// so a crash can be reproduced and debugged with an ordinary build.
@main
enum ReplayInputs {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = ReplayFile.read(path) else {
                print("cannot read \(path)")
                continue
            }
            let outcome = FuzzHarness.exercise(bytes)
            print("\(path): \(bytes.count) bytes, \(outcome.findings) findings, \(outcome.renderedBytes) bytes of reports")
        }
    }
}
#endif
