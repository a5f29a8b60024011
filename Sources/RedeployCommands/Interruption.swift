import Dispatch
import Foundation
import ScenarioIO

/// SIGINT and SIGTERM during a command that writes files: the staging folder of
/// `AtomicFiles` is removed and the process exits with status 130 and a message, so an
/// interrupted solve leaves no partial output. Signals arrive on a dispatch queue, not in
/// signal context, so the handler may use Foundation; if the files are being renamed into
/// place at that moment, it waits for that to finish (the set is then complete).
enum Interruption {
    private static let commit = NSLock()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers for a write into `directory`.
    static func protect(writingInto directory: String) {
        let staging = AtomicFiles.stagingPath(for: directory)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                commit.lock()
                try? FileManager.default.removeItem(atPath: staging)
                let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
                FileHandle.standardError.write(Data("redeploy: interrupted (\(name)); no output was written to \(directory)\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `body` (the renames) so that an interruption waits for it to end.
    static func committing<T>(_ body: () throws -> T) rethrows -> T {
        commit.lock()
        defer { commit.unlock() }
        return try body()
    }
}
