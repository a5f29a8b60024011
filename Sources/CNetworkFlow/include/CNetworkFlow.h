// CNetworkFlow: a C entry point to LEMON's network simplex (Debian: liblemon-dev), for the
// min-cost flow problems that the solver layer recognises. C++ stays behind this header.
#ifndef CNETWORKFLOW_H
#define CNETWORKFLOW_H

#ifdef __cplusplus
extern "C" {
#endif

enum { RD_MCF_OPTIMAL = 0, RD_MCF_INFEASIBLE = 1, RD_MCF_UNBOUNDED = 2, RD_MCF_ERROR = 3 };

/// Minimises sum cost[a] * flow[a] subject to lower[a] <= flow[a] <= upper[a] and, at each
/// node v, (flow out of v) - (flow into v) = supply[v]. Supplies must sum to 0. Bounds and
/// supplies are integers; upper[a] < 0 means no upper bound. Writes the flow of each arc and
/// the potential of each node (LEMON's convention: reduced cost = cost + pi[u] - pi[v]).
/// Returns one of RD_MCF_*; never throws or aborts (C++ exceptions are caught here).
int rd_min_cost_flow(int node_count, const long long *supply,
                     int arc_count, const int *source, const int *target,
                     const long long *lower, const long long *upper, const double *cost,
                     long long *flow, double *potential);

#ifdef __cplusplus
}
#endif

#endif
