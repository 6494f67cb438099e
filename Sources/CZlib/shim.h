#ifndef NEARDUP_CZLIB_SHIM_H
#define NEARDUP_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the struct size), which
// Swift cannot call, so it is wrapped here. 15 + 16: a 32 KiB window, gzip framing only.
static inline int neardup_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

// The same for deflateInit2: gzip framing (15 + 16), zlib's default memory level and strategy.
static inline int neardup_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
