// CGLPKGuard: the safety net between Swift and GLPK.
//
// GLPK reports misuse by printing a message and calling abort(). The only way to survive
// is an error hook that longjmps out, followed by glp_free_env(), which frees every GLPK
// object of the calling thread. Swift cannot setjmp, and a longjmp must never cross Swift
// frames, so every guarded GLPK call lives here, in C, between setjmp and the call.
//
// Each function returns 0 on success and RD_GLPK_FAILED when GLPK raised a fatal error. After
// a failure every glp_prob of this thread is gone: the caller must forget its pointer and
// must not call glp_delete_prob on it.
//
// The Swift solver layer validates its input so that these failures never happen; the
// guard is what stands behind that validation, not instead of it.
#ifndef CGLPKGUARD_H
#define CGLPKGUARD_H

#include <glpk.h>

#define RD_GLPK_FAILED (-1000)

/// Creates an empty problem. Returns NULL only if GLPK failed.
glp_prob *rd_create_prob(void);

/// Loads a whole problem in one guarded call: rows, columns and the sparse matrix
/// (1-based arrays ia/ja/ar of length nnz + 1, as glp_load_matrix wants).
/// Row and column types are GLP_FR/GLP_LO/GLP_UP/GLP_DB/GLP_FX; col_kind is GLP_CV or GLP_IV.
int rd_load_problem(glp_prob *P, int minimize,
                    int nrows, const int *row_type, const double *row_lb, const double *row_ub,
                    int ncols, const int *col_type, const double *col_lb, const double *col_ub,
                    const int *col_kind, const double *col_cost, double obj_const,
                    int nnz, const int *ia, const int *ja, const double *ar);

/// Sets the problem, row and column names (NULL entries are skipped). Arrays are 0-based.
int rd_set_names(glp_prob *P, const char *prob_name,
                 int nrows, const char *const *row_names,
                 int ncols, const char *const *col_names);

/// Appends `count` continuous columns: bound type, bounds, cost, and their entries, column k
/// having ind[start[k] .. start[k+1]-1] (1-based row numbers) and the matching val.
int rd_add_columns(glp_prob *P, int count, const int *type, const double *lb, const double *ub,
                   const double *cost, const int *start, const int *ind, const double *val);

/// glp_load_matrix under the guard; used directly only by tests of the guard itself.
int rd_load_matrix(glp_prob *P, int nnz, const int *ia, const int *ja, const double *ar);

/// glp_set_col_bnds under the guard; used directly only by tests of the guard itself.
int rd_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub);

/// glp_simplex; *ret receives GLPK's return code.
int rd_simplex(glp_prob *P, const glp_smcp *parm, int *ret);

/// glp_intopt; *ret receives GLPK's return code. GLPK keeps no best bound after the search,
/// so a callback written here records the best bound of the open nodes and the relative
/// gap whenever the search selects a node or finds a better solution; *best_bound is NAN
/// and *gap is NAN if the search ended before that ever happened.
/// parm->cb_func and parm->cb_info are overwritten.
int rd_intopt(glp_prob *P, glp_iocp *parm, int *ret, double *best_bound, double *gap);

/// glp_write_mps (fmt GLP_MPS_DECK or GLP_MPS_FILE) and glp_write_lp; *ret receives GLPK's code.
int rd_write_mps(glp_prob *P, int fmt, const char *fname, int *ret);
int rd_write_lp(glp_prob *P, const char *fname, int *ret);

/// glp_delete_prob under the guard.
int rd_delete_prob(glp_prob *P);

/// Routes GLPK's terminal output of this thread: on = 0 silences it; with a hook, every
/// fragment goes to hook(info, text) and nothing is printed.
void rd_terminal(int on, int (*hook)(void *info, const char *s), void *info);

#endif
