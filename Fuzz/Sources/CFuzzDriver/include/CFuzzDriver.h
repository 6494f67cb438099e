#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver entry point (part of the libFuzzer runtime linked by -sanitize=fuzzer).
/// SwiftPM links executable targets with `main` aliased to `<Module>_main`, so libFuzzer's
/// own `main` is not used; each harness defines `<Module>_main` and calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
