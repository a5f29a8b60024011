import CFuzzDriver
import Foundation

extension Fuzz {
    /// Runs libFuzzer with the process's arguments (corpus folders, -max_total_time=..., see
    /// scripts/fuzz.sh) on `callback`, and exits with its status.
    public static func main(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
