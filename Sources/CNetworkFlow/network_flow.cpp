// See CNetworkFlow.h.
#include "CNetworkFlow.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <condition_variable>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, long long, long long>;

/// One min-cost flow problem in LEMON's terms, and its result. Owned through a shared_ptr so
/// that a run abandoned at its deadline keeps its data until it ends.
struct Job {
    Graph graph;
    std::vector<Graph::Node> nodes;
    std::vector<Graph::Arc> arcs;
    Graph::ArcMap<long long> lower, upper, cost;
    Graph::NodeMap<long long> supply;
    std::unique_ptr<Simplex> simplex;

    std::mutex mutex;
    std::condition_variable ended;
    bool done = false;
    int code = RD_MCF_ERROR;

    Job() : lower(graph), upper(graph), cost(graph), supply(graph) {}

    /// The network simplex with candidate-list pivoting, not LEMON's default block search:
    /// measured on this project's networks (Benchmarks/README.md), s3500 solves in 5.6 s
    /// instead of 12.5 s.
    int run() {
        try {
            simplex.reset(new Simplex(graph));
            simplex->lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply)
                .supplyType(Simplex::GEQ);  // with supplies summing to 0, GEQ means equality
            switch (simplex->run(Simplex::CANDIDATE_LIST)) {
            case Simplex::INFEASIBLE: return RD_MCF_INFEASIBLE;
            case Simplex::UNBOUNDED: return RD_MCF_UNBOUNDED;
            case Simplex::OPTIMAL: return RD_MCF_OPTIMAL;
            }
        } catch (...) {
        }
        return RD_MCF_ERROR;
    }

    void finish(int result) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            code = result;
            done = true;
        }
        ended.notify_all();
    }
};

}  // namespace

extern "C" int rd_min_cost_flow(int node_count, const long long *supply,
                                int arc_count, const int *source, const int *target,
                                const long long *lower, const long long *upper, const long long *cost,
                                double seconds, long long *flow, long long *potential) {
    // The deadline counts from entry: building LEMON's graph is part of the time allowed.
    // A limit of 10^7 s or more (or not a number) means none: converting a far larger one to
    // the clock's integer ticks would overflow.
    const bool limited = seconds > 0 && seconds < 1e7;
    const auto deadline = std::chrono::steady_clock::now() +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(limited ? seconds : 0));
    try {
        auto job = std::make_shared<Job>();
        job->graph.reserveNode(node_count);
        job->graph.reserveArc(arc_count);
        job->nodes.resize(node_count);
        for (int v = 0; v < node_count; ++v) job->nodes[v] = job->graph.addNode();
        job->arcs.resize(arc_count);
        for (int a = 0; a < arc_count; ++a) {
            if (source[a] < 0 || source[a] >= node_count || target[a] < 0 || target[a] >= node_count)
                return RD_MCF_ERROR;
            job->arcs[a] = job->graph.addArc(job->nodes[source[a]], job->nodes[target[a]]);
        }
        for (int a = 0; a < arc_count; ++a) {
            Graph::Arc arc = job->arcs[a];
            job->lower[arc] = lower[a];
            job->upper[arc] = upper[a] < 0 ? std::numeric_limits<long long>::max() : upper[a];
            job->cost[arc] = cost[a];
        }
        for (int v = 0; v < node_count; ++v) job->supply[job->nodes[v]] = supply[v];

        int code;
        if (limited) {
            if (std::chrono::steady_clock::now() >= deadline) return RD_MCF_TIME_LIMIT;
            std::thread worker([job] { job->finish(job->run()); });
            std::unique_lock<std::mutex> lock(job->mutex);
            if (!job->ended.wait_until(lock, deadline, [&] { return job->done; })) {
                lock.unlock();
                worker.detach();  // it holds its own reference to the job
                return RD_MCF_TIME_LIMIT;
            }
            lock.unlock();
            worker.join();
            code = job->code;
        } else {
            code = job->run();
        }
        if (code != RD_MCF_OPTIMAL) return code;
        for (int a = 0; a < arc_count; ++a) flow[a] = job->simplex->flow(job->arcs[a]);
        for (int v = 0; v < node_count; ++v) potential[v] = job->simplex->potential(job->nodes[v]);
        return RD_MCF_OPTIMAL;
    } catch (...) {
        return RD_MCF_ERROR;
    }
}
