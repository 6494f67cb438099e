#ifndef NEARDUP_CXXHASH_SHIM_H
#define NEARDUP_CXXHASH_SHIM_H
// Inline the implementation so short inputs (one word, one shingle) hash
// without a call into the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>
#endif
