import RedeployDomain

/// A decision variable of a horizon's models that is a row of the plan: the models (flow and
/// literal) name their arcs and columns with it, so that one function turns either solution
/// into plan.csv's rows.
public enum HorizonDecision: Sendable, Equatable {
    /// x(from -> to) in a year; pairs index `HorizonInstance.pairs`, years its `years`.
    case transfer(from: Int, to: Int, year: Int)
    case hire(pair: Int, year: Int)
    case release(pair: Int, year: Int)
    /// q of `HorizonInstance.retraining[option]` begun in a year.
    case retrain(option: Int, year: Int)
    /// Staff, covers, shortages and the network's bookkeeping.
    case other
}

extension HorizonInstance {
    /// The plan of amounts given to decisions, in a fixed order (year, then transfers, hires,
    /// releases and retraining in the order of their decisions), so that the same solution always
    /// writes the same plan. Amounts at or below 1e-9 are no action; whole teachers are rounded
    /// (the MIP's 2.9999999 is 3) unless teachers are shared.
    public func plan(_ decisions: [HorizonDecision], amounts: [Double]) -> [Plan.Action] {
        var rows: [(key: [Int], action: Plan.Action)] = []
        let yearName: (Int) -> Int? = { hasHorizon ? years[$0] : nil }
        for (decision, raw) in zip(decisions, amounts) where raw > 1e-9 {
            let amount = policy.sharing ? raw : raw.rounded()
            guard amount > 0 else { continue }
            switch decision {
            case let .transfer(from, to, y):
                let (i, j) = (pairs[from].school, pairs[to].school)
                rows.append(([y, 0, i, j, pairs[from].subject], Plan.Action(
                    kind: .transfer, from: schools[i].id, to: schools[j].id, subject: subjects[pairs[from].subject],
                    teachers: amount, km: transfers.km(i, j), year: yearName(y))))
            case let .hire(p, y):
                rows.append(([y, 1, pairs[p].school, pairs[p].subject], Plan.Action(
                    kind: .hire, from: nil, to: schools[pairs[p].school].id, subject: subjects[pairs[p].subject],
                    teachers: amount, year: yearName(y))))
            case let .release(p, y):
                rows.append(([y, 2, pairs[p].school, pairs[p].subject], Plan.Action(
                    kind: .release, from: schools[pairs[p].school].id, to: nil, subject: subjects[pairs[p].subject],
                    teachers: amount, year: yearName(y))))
            case let .retrain(k, y):
                let option = retraining[k]
                let (from, to) = (pairs[option.from], pairs[option.to])
                rows.append(([y, 3, from.school, to.school, from.subject, to.subject], Plan.Action(
                    kind: .retrain, from: schools[from.school].id, to: schools[to.school].id,
                    subject: subjects[from.subject], teachers: amount, km: option.km, year: yearName(y),
                    toSubject: subjects[to.subject])))
            case .other:
                continue
            }
        }
        return rows.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.action)
    }
}
