// The floor for any word-shingle method: read a file, split it on whitespace and hash each
// word once with XXH3-64, nothing else (no JSON, no folding, no shingles, no sketches).
// NearDup's reading, normalising and shingling stages are measured against this.
//
//   cc -O2 -march=haswell split_and_hash.c -o split_and_hash   (libxxhash-dev's header)
//   ./split_and_hash FILE [REPETITIONS]
#define XXH_INLINE_ALL
#include <xxhash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int is_space(unsigned char byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [REPETITIONS]\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 1;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (!bytes || fread(bytes, 1, size, file) != (size_t)size) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 1;
    }
    fclose(file);
    int repetitions = argc > 2 ? atoi(argv[2]) : 5;
    if (repetitions < 1) repetitions = 1;

    double *times = malloc(sizeof(double) * repetitions);
    uint64_t words = 0, checksum = 0;
    for (int repetition = 0; repetition < repetitions; repetition++) {
        double start = seconds();
        words = 0;
        checksum = 0;
        long index = 0;
        while (index < size) {
            while (index < size && is_space(bytes[index])) index++;
            long begin = index;
            while (index < size && !is_space(bytes[index])) index++;
            if (index > begin) {
                checksum ^= XXH3_64bits(bytes + begin, index - begin);
                words++;
            }
        }
        times[repetition] = seconds() - start;
    }
    qsort(times, repetitions, sizeof(double), compare_doubles);
    double median = times[repetitions / 2];
    printf("%ld bytes, %llu words, median of %d: %.3f s, %.1f MB/s, %.1f M words/s (checksum %016llx)\n",
           size, (unsigned long long)words, repetitions, median, size / median / 1e6, words / median / 1e6,
           (unsigned long long)checksum);
    free(times);
    free(bytes);
    return 0;
}
