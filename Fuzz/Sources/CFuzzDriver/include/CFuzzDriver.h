// libFuzzer's driver, callable from Swift. SwiftPM links an executable target's entry point as
// `main` (on Linux it renames the module's main to MODULE_main and defines main to be it), so
// libFuzzer's own main is never used: each fuzz target's @main calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
