#!/usr/bin/env python3
"""Cluster a corpus with one peer MinHash-LSH library, as one whole process.

    python peer_cluster.py --peer {datasketch,rensa,gaoya} --input FILE \
        --id-field id --text-field text --ngram 5 --num-perm 128 \
        --threshold 0.5 --seed 1 --output assignments.jsonl

Every peer gets the same shingles (corpus_io.word_shingles: lowercased \\w+
words, word k-grams) and is then used through its own public API the way its
documentation shows: build one sketch per document, insert every document into
the peer's LSH index, then query the index with every document. Clusters are
the connected components (union-find) of "document i's query returned j".

Output: one JSON line per input document, in input order,
{"id": "...", "cluster": N}, clusters numbered 0, 1, 2, ... in the order of
their first member's input position. Phase timings go to stderr as one JSON
line prefixed "peer-stats:".
"""

import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_io import has_word, read_records, word_shingles  # noqa: E402

RENSA_DEFAULT_BANDS = 16  # rensa's README LSH example uses num_bands=16 for num_perm=128


class UnionFind:
    """Union-find over input positions 0..n-1 (grows as positions appear)."""

    def __init__(self):
        self.parent = []

    def _grow(self, x):
        if x >= len(self.parent):
            self.parent.extend(range(len(self.parent), x + 1))

    def find(self, x):
        self._grow(x)
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller position becomes the root (deterministic)
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def lsh_params(threshold, num_perm, fp_weight=0.5, fn_weight=0.5):
    """(bands, rows) with bands*rows <= num_perm minimising the weighted
    false-positive and false-negative areas under the S-curve
    P(candidate | s) = 1 - (1 - s^r)^b (standard LSH banding analysis;
    the same criterion datasketch documents for MinHashLSH)."""

    def integrate(f, a, b, steps=64):
        # composite Simpson's rule; the integrands are smooth polynomials
        h = (b - a) / steps
        total = f(a) + f(b)
        for i in range(1, steps):
            total += (4 if i % 2 else 2) * f(a + i * h)
        return total * h / 3

    best, best_err = None, math.inf
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integrate(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)
            fn = integrate(lambda s: (1 - s ** r) ** b, threshold, 1.0)
            err = fp_weight * fp + fn_weight * fn
            if err < best_err:
                best, best_err = (b, r), err
    return best


# --- peers -------------------------------------------------------------------
# Each peer function reads the documents as a stream (records: iterator of
# (id, text)), appends every id to `ids`, builds one sketch per document and
# inserts it into the peer's LSH index, then queries the index with every
# document and calls link(i, j) for each returned key j != i. Documents with
# no shingle (no word at all) are neither inserted nor queried: they stay
# singletons. Keys are input positions, so duplicate ids in the input are fine.


def run_datasketch(records, ids, args, link, stats):
    from datasketch import MinHash, MinHashLSH

    k = args.ngram
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    sketches = []
    for i, (doc_id, text) in enumerate(records):
        ids.append(doc_id)
        shingles = word_shingles(text, k)
        if not shingles:
            sketches.append(None)
            continue
        m = MinHash(num_perm=args.num_perm, seed=args.seed)
        # The batch update hashes in one numpy pass, giving the values `update` gives one
        # shingle at a time, about seven times as fast.
        m.update_batch([s.encode("utf8") for s in shingles])
        sketches.append(m)
        lsh.insert(i, m)
    t1 = time.perf_counter()
    link_query_results(sketches, lsh.query, args, link)
    stats.update(query_s=time.perf_counter() - t1,
                 params={"bands": lsh.b, "rows": lsh.r, "threshold": args.threshold,
                         "num_perm": args.num_perm, "seed": args.seed})
    return t1


def link_query_results(sketches, query, args, link):
    """Links each document to what the LSH index returns for it (optionally only above the
    threshold by the library's own estimate): users' usual connected-components dedup."""
    for i, m in enumerate(sketches):
        if m is None:
            continue
        for j in query(m):
            if j != i and (not args.verify or m.jaccard(sketches[j]) >= args.threshold):
                link(i, j)


def run_rensa(records, ids, args, link, stats):
    from rensa import RMinHash, RMinHashLSH

    k = args.ngram
    bands = args.bands or RENSA_DEFAULT_BANDS
    lsh = RMinHashLSH(threshold=args.threshold, num_perm=args.num_perm, num_bands=bands)
    sketches = []
    for i, (doc_id, text) in enumerate(records):
        ids.append(doc_id)
        shingles = word_shingles(text, k)
        if not shingles:
            sketches.append(None)
            continue
        m = RMinHash(num_perm=args.num_perm, seed=args.seed)
        m.update(shingles)
        sketches.append(m)
        lsh.insert(i, m)
    t1 = time.perf_counter()
    link_query_results(sketches, lsh.query, args, link)
    stats.update(query_s=time.perf_counter() - t1,
                 params={"bands": bands, "rows": args.num_perm // bands,
                         "threshold": args.threshold, "num_perm": args.num_perm,
                         "seed": args.seed})
    return t1


def run_gaoya(records, ids, args, link, stats):
    from gaoya.minhash import MinHashStringIndex

    k = args.ngram
    if args.bands:
        bands, rows = args.bands, args.num_perm // args.bands
    else:
        bands, rows = lsh_params(args.threshold, args.num_perm)
    # gaoya's index takes documents as strings and runs its analyzer on them,
    # at insert and again at query (as its README example does, the texts
    # stay in a list). A callable analyzer gives it exactly the shingles the
    # other peers get; its own word analyzer splits differently.
    index = MinHashStringIndex(hash_size=32, jaccard_threshold=args.threshold,
                               num_bands=bands, band_size=rows,
                               analyzer=lambda doc: word_shingles(doc, k))
    texts = []
    for i, (doc_id, text) in enumerate(records):
        ids.append(doc_id)
        if not has_word(text):
            texts.append(None)
            continue
        texts.append(text)
        index.insert_document(i, text)
    t1 = time.perf_counter()
    for i, text in enumerate(texts):
        if text is None:
            continue
        # gaoya's query itself keeps only candidates whose estimated Jaccard
        # passes jaccard_threshold (its documented behaviour).
        for j in index.query(text):
            if j != i:
                link(i, j)
    stats.update(query_s=time.perf_counter() - t1,
                 params={"bands": bands, "rows": rows, "hash_size": 32,
                         "threshold": args.threshold, "num_perm_used": bands * rows,
                         "seed": "n/a (gaoya takes no seed)"})
    return t1


def run_shingle_only(records, ids, args, link, stats):
    """Baseline, not a peer: read and shingle every document, index nothing.
    Its time is the share of every peer's time spent in this Python harness."""
    k = args.ngram
    count = 0
    for doc_id, text in records:
        ids.append(doc_id)
        count += len(word_shingles(text, k))
    stats["params"] = {"shingles": count}
    return time.perf_counter()


PEERS = {"datasketch": run_datasketch, "rensa": run_rensa, "gaoya": run_gaoya,
         "shingle-only": run_shingle_only}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peer", required=True, choices=sorted(PEERS))
    ap.add_argument("--input", required=True, help=".jsonl or .csv (with header), optionally .gz")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--ngram", type=int, default=5, help="word k-gram length")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bands", type=int, default=0,
                    help="LSH bands (rensa: default %d; gaoya: default from the S-curve "
                         "optimum; datasketch chooses its own)" % RENSA_DEFAULT_BANDS)
    ap.add_argument("--verify", action="store_true",
                    help="keep a query result only when the peer's estimated Jaccard "
                         ">= threshold (gaoya always does this itself)")
    ap.add_argument("--output", required=True)
    args = ap.parse_args(argv)
    if args.bands and args.peer == "rensa" and args.num_perm % args.bands:
        ap.error("rensa needs --bands to divide --num-perm")
    if args.bands and not 1 <= args.bands <= args.num_perm:
        ap.error("--bands must be between 1 and --num-perm")

    stats = {"peer": args.peer}
    t_start = time.perf_counter()
    ids = []
    uf = UnionFind()
    records = read_records(args.input, args.id_field, args.text_field)
    t_query = PEERS[args.peer](records, ids, args, uf.union, stats)
    stats["docs"] = len(ids)
    stats["ingest_s"] = t_query - t_start  # read + shingle + sketch + insert

    t_cl = time.perf_counter()
    number = {}
    out_dir = os.path.dirname(os.path.abspath(args.output))
    os.makedirs(out_dir, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for i, doc_id in enumerate(ids):
            root = uf.find(i)
            if root not in number:
                number[root] = len(number)
            out.write(json.dumps({"id": doc_id, "cluster": number[root]}, ensure_ascii=False))
            out.write("\n")
    stats["clusters"] = len(number)
    stats["write_s"] = time.perf_counter() - t_cl
    stats["total_s"] = time.perf_counter() - t_start
    print("peer-stats: " + json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
