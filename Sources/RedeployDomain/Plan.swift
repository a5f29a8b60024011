/// A transfer plan: the rows of plan.csv (docs/MODEL.md section 4), by school id and subject
/// code, so that a plan made by hand and one made by the solver are the same kind of value.
public struct Plan: Sendable, Equatable {
    public var actions: [Action]

    public init(actions: [Action] = []) {
        self.actions = actions
    }

    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `retrain` (docs/MODEL.md section 5): the teacher leaves `from` like a transfer and
        /// teaches `toSubject` at `to` once the course is over.
        case transfer, hire, release, retrain
    }

    public struct Action: Sendable, Equatable {
        public var kind: Kind
        /// Sending school (nil for a hire).
        public var from: String?
        /// Receiving school (nil for a release).
        public var to: String?
        public var subject: String
        public var teachers: Double
        /// The distance used in the cost; nil where unknown or not a transfer.
        public var km: Double?
        /// The school year the action is taken in (a year of the horizon, docs/MODEL.md
        /// section 6); nil in a scenario of one year.
        public var year: Int?
        /// What a retrained teacher teaches afterwards; nil for every other action.
        public var toSubject: String?

        public init(kind: Kind, from: String?, to: String?, subject: String, teachers: Double, km: Double? = nil,
                    year: Int? = nil, toSubject: String? = nil) {
            self.kind = kind
            self.from = from
            self.to = to
            self.subject = subject
            self.teachers = teachers
            self.km = km
            self.year = year
            self.toSubject = toSubject
        }

        public static func transfer(from: String, to: String, subject: String, teachers: Double,
                                    km: Double? = nil) -> Action {
            Action(kind: .transfer, from: from, to: to, subject: subject, teachers: teachers, km: km)
        }

        public static func hire(at school: String, subject: String, teachers: Double) -> Action {
            Action(kind: .hire, from: nil, to: school, subject: subject, teachers: teachers)
        }

        public static func release(at school: String, subject: String, teachers: Double) -> Action {
            Action(kind: .release, from: school, to: nil, subject: subject, teachers: teachers)
        }
    }

    public var transfers: Double { total(.transfer) }
    public var hires: Double { total(.hire) }
    public var releases: Double { total(.release) }
    public var retrained: Double { total(.retrain) }

    private func total(_ kind: Kind) -> Double {
        actions.lazy.filter { $0.kind == kind }.reduce(0) { $0 + $1.teachers }
    }
}
