// CNetworkFlow: a C entry point to LEMON's network simplex (Debian: liblemon-dev), for the
// min-cost flow problems that the solver layer recognises. C++ stays behind this header.
#ifndef CNETWORKFLOW_H
#define CNETWORKFLOW_H

#ifdef __cplusplus
extern "C" {
#endif

enum {
    RD_MCF_OPTIMAL = 0,
    RD_MCF_INFEASIBLE = 1,
    RD_MCF_UNBOUNDED = 2,
    RD_MCF_ERROR = 3,
    RD_MCF_TIME_LIMIT = 4
};

/// Minimises sum cost[a] * flow[a] subject to lower[a] <= flow[a] <= upper[a] and, at each
/// node v, (flow out of v) - (flow into v) = supply[v]. Supplies must sum to 0. Every input is
/// an integer, as LEMON's network simplex requires: its pivots are then exact, and with the
/// strongly feasible trees it keeps, it cannot cycle. upper[a] < 0 means no upper bound.
/// The caller keeps |cost| x (node_count + 2) below 2^61, so that no potential overflows.
///
/// Writes the flow of each arc and the potential of each node (LEMON's convention: reduced
/// cost = cost + pi[u] - pi[v]). With 0 < seconds < 10^7 the simplex runs on a worker thread
/// and is abandoned (it finishes on its own, its result unused) when it has not ended that
/// long after the call began: RD_MCF_TIME_LIMIT, nothing written. Other values: no limit. Returns one of RD_MCF_*; never throws or aborts
/// (C++ exceptions are caught here).
int rd_min_cost_flow(int node_count, const long long *supply,
                     int arc_count, const int *source, const int *target,
                     const long long *lower, const long long *upper, const long long *cost,
                     double seconds, long long *flow, long long *potential);

#ifdef __cplusplus
}
#endif

#endif
