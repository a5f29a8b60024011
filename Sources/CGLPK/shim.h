// GLPK's C API, as installed by Debian's libglpk-dev (no pkg-config file is shipped).
#include <glpk.h>
