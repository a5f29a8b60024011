import Foundation
import ScenarioIO

/// A valid scenario in a private temporary folder, using every file and key the loader reads,
/// so that replacing any one file by fuzzed bytes reaches that file's reader with the others
/// valid around it.
public final class ScenarioFixture: @unchecked Sendable {
    /// The files, in the order the first byte of an input chooses them.
    public static let files: [(name: String, text: String)] = [
        ("scenario.yaml", """
            name: Fuzz base
            schools: schools.csv
            staff: staff.csv
            norms: norms.csv
            distances: distances.csv
            policy:
              payroll_change: 0
              hiring: true
              same_level: true
              transfer_scope: any
              max_distance_km: 50
              max_out_share: 0.5
              sharing: false
              qualifications: [{teacher: physics, teaches: natural_science}]
            costs: {move: 1, per_km: 0.1, hire: 1, release: 5}

            """),
        ("schools.csv", """
            id,name,area,level,classes,lat,lon,priority
            S1,Trường A,X,lower_secondary,10,21.0,107.0,1
            S2,"Trường B, cơ sở 2",X,lower_secondary,8,,,2
            S3,Trường C,Y,lower_secondary,12,21.1,107.1,1.5

            """),
        ("staff.csv", """
            school_id,subject,teachers,leaving,required
            S1,math,12,1,11
            S2,math,7,0,
            S3,physics,4,1,2.5

            """),
        ("norms.csv", """
            level,subject,per_class
            lower_secondary,math,1.1
            lower_secondary,natural_science,0.5

            """),
        ("distances.csv", """
            from,to,km
            S1,S2,12.5
            S2,S3,30

            """),
    ]

    public let folder: String

    /// A fresh folder under /dev/shm when there is one (writing there is cheaper), else the temp folder.
    public init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = base + "/redeploy-fuzz-\(getpid())-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in Self.files { write(file.name, Array(file.text.utf8)) }
        // The base scenario must load: else every input would only test one error path.
        do {
            Fuzz.check(try ScenarioLoader.load(folder))
        } catch {
            Fuzz.fail("the fuzz base scenario does not load", error.description)
        }
    }

    public func path(_ name: String) -> String { folder + "/" + name }

    public func write(_ name: String, _ bytes: [UInt8]) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        } catch {
            fatalError("cannot write \(path(name)): \(error)")
        }
    }

    /// Loads the scenario with file `index` replaced by `bytes`, checks the outcome, and puts the
    /// file back.
    public func run(replacing index: Int, with bytes: [UInt8]) {
        let file = Self.files[index]
        write(file.name, bytes)
        defer { write(file.name, Array(file.text.utf8)) }
        var lines: [String: Int] = [:]
        for other in Self.files { lines[path(other.name)] = Fuzz.lineCount(Array(other.text.utf8)) }
        lines[path(file.name)] = Fuzz.lineCount(bytes)
        do {
            let scenario = try ScenarioLoader.load(folder)
            if Fuzz.verbose { print("loaded: \(scenario.schools.count) schools, \(scenario.staff.count) staff rows") }
            Fuzz.check(scenario)
        } catch {
            if Fuzz.verbose { print(error.description) }
            Fuzz.check(error, lines: lines)
        }
    }
}
