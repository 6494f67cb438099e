#ifndef NEARDUP_CXXHASH_SHIM_H
#define NEARDUP_CXXHASH_SHIM_H
#include <stddef.h>
#include <stdint.h>
// Inline the implementation so short inputs (one word, one shingle) hash without a call
// into the shared library. XXH_INLINE_ALL renames the functions through macros, which
// Swift cannot see, so they are exposed under names of our own. The header drops its
// always-inline hints when the compiler does not optimise, which is how Swift's C importer
// looks to it: the short-input paths then become calls that save and restore the vector
// registers around every word. The hints are asked for explicitly.
#define XXH_NO_INLINE_HINTS 0
#define XXH_INLINE_ALL
#include <xxhash.h>

static inline uint64_t neardup_xxh3_64(const void *bytes, size_t count, uint64_t seed) {
    return XXH3_64bits_withSeed(bytes, count, seed);
}

// A word of up to 16 bytes, zero-padded to 16 and passed as two little-endian halves: a
// constant length lets the compiler drop XXH3's branches on length, which a stream of words
// of mixed lengths would mispredict.
static inline uint64_t neardup_xxh3_64_padded16(uint64_t low, uint64_t high, uint64_t seed) {
    uint64_t halves[2] = {low, high};
    return XXH3_64bits_withSeed(halves, sizeof halves, seed);
}
#endif
