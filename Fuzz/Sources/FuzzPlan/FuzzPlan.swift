import Foundation
import FuzzSupport
import RedeployDomain
import ScenarioIO

/// plan.csv as `redeploy evaluate` reads it (PlanReader, after CSVTable): a plan whose actions
/// are well formed, or a ScenarioError whose every diagnostic is positioned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let file = "plan.csv"
    do {
        let read = try PlanReader.read(CSVTable.parse(Data(bytes), file: file))
        if Fuzz.verbose { print("read: \(read.plan.actions.count) actions") }
        Fuzz.require(read.file == file, "the plan names another file")
        Fuzz.require(read.lines.count == read.plan.actions.count, "a line for each action")
        Fuzz.require(zip(read.lines, read.lines.dropFirst()).allSatisfy { $0 < $1 } && read.lines.allSatisfy { $0 >= 2 },
                     "action lines are not increasing data lines", "\(read.lines)")
        for action in read.plan.actions {
            Fuzz.require(action.teachers.isFinite && action.teachers >= 0, "teachers not a finite number >= 0",
                         "\(action.teachers)")
            if let km = action.km { Fuzz.require(km.isFinite && km >= 0, "km not a finite number >= 0", "\(km)") }
            Fuzz.require(!action.subject.isEmpty, "an action without a subject")
        }
    } catch {
        if Fuzz.verbose { print(error.description) }
        Fuzz.check(error, lines: [file: Fuzz.lineCount(bytes)])
    }
    return 0
}

@main enum FuzzPlanMain {
    static func main() { Fuzz.main(fuzzPlan) }
}
