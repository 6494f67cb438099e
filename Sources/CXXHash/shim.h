#ifndef NEARDUP_CXXHASH_SHIM_H
#define NEARDUP_CXXHASH_SHIM_H
#include <stddef.h>
#include <stdint.h>
// Inline the implementation so short inputs (one word, one shingle) hash without a call
// into the shared library. XXH_INLINE_ALL renames the functions through macros, which
// Swift cannot see, so they are exposed under names of our own.
#define XXH_INLINE_ALL
#include <xxhash.h>

static inline uint64_t neardup_xxh3_64(const void *bytes, size_t count, uint64_t seed) {
    return XXH3_64bits_withSeed(bytes, count, seed);
}
#endif
