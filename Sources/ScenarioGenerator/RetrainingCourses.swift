import RedeployDomain

/// The courses a generated retraining.csv offers (docs/MODEL.md section 5): where teachers
/// are plenty nationally (lower-secondary literature and civic education, primary class
/// teachers; `Curriculum.subjectStaffing`) towards where they are short (preschool, and
/// informatics at lower secondary).
///
/// A conversion to preschool is a year's course (delay 1); a maths teacher's course in
/// informatics is a short in-service one, taught alongside (delay 0). Costs are set against
/// hiring, since retraining competes with releasing one teacher and hiring another: a year's
/// course costs 3/4 of a hire, a short one 1/4 (1.5 and 0.5 with the default hire of 2).
enum RetrainingCourses {
    struct Course {
        var fromLevel: String, fromSubject: String, toLevel: String, toSubject: String
        var hireShare: Double
        var delay: Int
    }

    static let courses = [
        Course(fromLevel: "lower_secondary", fromSubject: "literature", toLevel: "preschool", toSubject: "preschool",
               hireShare: 0.75, delay: 1),
        Course(fromLevel: "lower_secondary", fromSubject: "civic_education", toLevel: "preschool", toSubject: "preschool",
               hireShare: 0.75, delay: 1),
        Course(fromLevel: "primary", fromSubject: "primary", toLevel: "preschool", toSubject: "preschool",
               hireShare: 0.75, delay: 1),
        Course(fromLevel: "lower_secondary", fromSubject: "math", toLevel: "lower_secondary", toSubject: "informatics",
               hireShare: 0.25, delay: 0),
    ]

    /// The courses between levels some school has (a row naming a level no school has is
    /// invalid input), costed against `hire`.
    static func rows(levels: Set<String>, hire: Double) -> [RetrainingRow] {
        courses.filter { levels.contains($0.fromLevel) && levels.contains($0.toLevel) }.map {
            RetrainingRow(fromLevel: $0.fromLevel, fromSubject: $0.fromSubject, toLevel: $0.toLevel,
                          toSubject: $0.toSubject, cost: ScenarioGenerator.round2(hire * $0.hireShare), delay: $0.delay)
        }
    }
}
