// See CGLPKGuard.h for why this file exists.
#include "CGLPKGuard.h"
#include <setjmp.h>
#include <stddef.h>
#include <math.h>

// The jump target of the guarded call running on this thread (GLPK's environment is per
// thread in Debian's reentrant build, so is this).
static _Thread_local jmp_buf *current_jump = NULL;

static void on_glpk_error(void *info) {
    (void)info;
    jmp_buf *target = current_jump;
    if (target != NULL) longjmp(*target, 1);
    // No guard is active: returning lets GLPK abort, as it would without us.
}

// Runs STATEMENT with GLPK's error hook pointing at a local jmp_buf. On a fatal GLPK error
// the environment of this thread is freed (manual 2.1.2, 6.1.13) and the function returns
// RD_GLPK_FAILED. Nested guards restore the outer target.
#define RD_GUARDED(STATEMENT)                                   \
    do {                                                        \
        jmp_buf here;                                           \
        jmp_buf *volatile outer = current_jump;                 \
        if (setjmp(here) != 0) {                                \
            current_jump = outer;                               \
            glp_error_hook(NULL, NULL);                         \
            glp_free_env();                                     \
            return RD_GLPK_FAILED;                              \
        }                                                       \
        current_jump = &here;                                   \
        glp_error_hook(on_glpk_error, NULL);                    \
        STATEMENT;                                              \
        glp_error_hook(NULL, NULL);                             \
        current_jump = outer;                                   \
    } while (0)

glp_prob *rd_create_prob(void) {
    glp_prob *volatile created = NULL;
    jmp_buf here;
    jmp_buf *volatile outer = current_jump;
    if (setjmp(here) != 0) {
        current_jump = outer;
        glp_error_hook(NULL, NULL);
        glp_free_env();
        return NULL;
    }
    current_jump = &here;
    glp_error_hook(on_glpk_error, NULL);
    created = glp_create_prob();
    glp_error_hook(NULL, NULL);
    current_jump = outer;
    return created;
}

int rd_load_problem(glp_prob *P, int minimize,
                    int nrows, const int *row_type, const double *row_lb, const double *row_ub,
                    int ncols, const int *col_type, const double *col_lb, const double *col_ub,
                    const int *col_kind, const double *col_cost, double obj_const,
                    int nnz, const int *ia, const int *ja, const double *ar) {
    RD_GUARDED({
        glp_set_obj_dir(P, minimize ? GLP_MIN : GLP_MAX);
        if (nrows > 0) glp_add_rows(P, nrows);
        if (ncols > 0) glp_add_cols(P, ncols);
        for (int i = 0; i < nrows; i++)
            glp_set_row_bnds(P, i + 1, row_type[i], row_lb[i], row_ub[i]);
        for (int j = 0; j < ncols; j++) {
            glp_set_col_kind(P, j + 1, col_kind[j]);
            glp_set_col_bnds(P, j + 1, col_type[j], col_lb[j], col_ub[j]);
            glp_set_obj_coef(P, j + 1, col_cost[j]);
        }
        glp_set_obj_coef(P, 0, obj_const);
        if (nnz > 0) glp_load_matrix(P, nnz, ia, ja, ar);
    });
    return 0;
}

int rd_set_names(glp_prob *P, const char *prob_name,
                 int nrows, const char *const *row_names,
                 int ncols, const char *const *col_names) {
    RD_GUARDED({
        if (prob_name != NULL) glp_set_prob_name(P, prob_name);
        for (int i = 0; i < nrows; i++)
            if (row_names != NULL && row_names[i] != NULL) glp_set_row_name(P, i + 1, row_names[i]);
        for (int j = 0; j < ncols; j++)
            if (col_names != NULL && col_names[j] != NULL) glp_set_col_name(P, j + 1, col_names[j]);
    });
    return 0;
}

int rd_add_columns(glp_prob *P, int count, const int *type, const double *lb, const double *ub,
                   const double *cost, const int *start, const int *ind, const double *val) {
    RD_GUARDED({
        if (count > 0) {
            int first = glp_add_cols(P, count);
            for (int k = 0; k < count; k++) {
                int j = first + k;
                glp_set_col_bnds(P, j, type[k], lb[k], ub[k]);
                glp_set_obj_coef(P, j, cost[k]);
                glp_set_col_stat(P, j, GLP_NL);
                // glp_set_mat_col reads ind[1..len] and val[1..len].
                glp_set_mat_col(P, j, start[k + 1] - start[k], ind + start[k] - 1, val + start[k] - 1);
            }
        }
    });
    return 0;
}

int rd_load_matrix(glp_prob *P, int nnz, const int *ia, const int *ja, const double *ar) {
    RD_GUARDED(glp_load_matrix(P, nnz, ia, ja, ar));
    return 0;
}

int rd_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub) {
    RD_GUARDED(glp_set_col_bnds(P, j, type, lb, ub));
    return 0;
}

int rd_simplex(glp_prob *P, const glp_smcp *parm, int *ret) {
    RD_GUARDED(*ret = glp_simplex(P, parm));
    return 0;
}

struct search_record { double best_bound; double gap; };

static void record_search(glp_tree *tree, void *info) {
    struct search_record *record = info;
    switch (glp_ios_reason(tree)) {
    case GLP_ISELECT:
    case GLP_IBINGO:
    case GLP_IBRANCH: {
        int node = glp_ios_best_node(tree);
        if (node != 0) record->best_bound = glp_ios_node_bound(tree, node);
        record->gap = glp_ios_mip_gap(tree);
        break;
    }
    default:
        break;
    }
}

int rd_intopt(glp_prob *P, glp_iocp *parm, int *ret, double *best_bound, double *gap) {
    struct search_record record = { NAN, NAN };
    parm->cb_func = record_search;
    parm->cb_info = &record;
    RD_GUARDED(*ret = glp_intopt(P, parm));
    *best_bound = record.best_bound;
    *gap = record.gap;
    return 0;
}

int rd_write_mps(glp_prob *P, int fmt, const char *fname, int *ret) {
    RD_GUARDED(*ret = glp_write_mps(P, fmt, NULL, fname));
    return 0;
}

int rd_write_lp(glp_prob *P, const char *fname, int *ret) {
    RD_GUARDED(*ret = glp_write_lp(P, NULL, fname));
    return 0;
}

int rd_delete_prob(glp_prob *P) {
    RD_GUARDED(glp_delete_prob(P));
    return 0;
}

void rd_terminal(int on, int (*hook)(void *info, const char *s), void *info) {
    glp_term_hook(hook, info);
    glp_term_out(on ? GLP_ON : GLP_OFF);
}
