#ifndef NEARDUP_CZLIB_SHIM_H
#define NEARDUP_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the struct size), which
// Swift cannot call, so it is wrapped here. 15 + 16: a 32 KiB window, gzip framing only.
static inline int neardup_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
