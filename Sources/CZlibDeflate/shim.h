// zlib's C API (Debian: zlib1g-dev), for the workbook's zip writer (raw deflate, crc32) and
// the reader's CRC check.
#include <zlib.h>
