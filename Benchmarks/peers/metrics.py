#!/usr/bin/env python3
"""Clustering quality of an assignments file against ground-truth labels.

    python metrics.py --labels LABELS.json --assignments OUT.jsonl [--input CORPUS]
    python metrics.py --self-test

Labels: a JSON object {"clusters": [[id, ...], ...]} listing clusters of two or
more ids; every other id is a singleton; other keys are ignored.
Assignments: JSON lines with "id" and "cluster" (any JSON value; labels are
compared by value), or lines that each list one cluster as {"members": [...]}
(members are ids or objects with an "id"). Ids in both files may be JSON numbers or strings and are
compared as strings.

The set of documents scored is every id in the assignments, plus every id in
the labels, plus (with --input) every id in the corpus. A document missing from
the assignments counts as a predicted singleton, and the count is reported.

Metrics (all from the contingency table of predicted vs true clusters):
  ARI          adjusted Rand index (Hubert & Arabie 1985)
  pair P/R/F1  over unordered document pairs put in one cluster
  B-cubed      per-document precision/recall averaged over documents
               (Bagga & Baldwin 1998), F1 = harmonic mean of the averages
Standard library only; prints one JSON object.
"""

import argparse
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_io import id_string  # noqa: E402


def comb2(n):
    return n * (n - 1) // 2


def load_labels(path):
    with open(path, "r", encoding="utf-8") as fh:
        obj = json.load(fh)
    if not isinstance(obj, dict) or not isinstance(obj.get("clusters"), list):
        raise SystemExit(f"{path}: expected a JSON object with a 'clusters' list")
    truth = {}
    for n, members in enumerate(obj["clusters"]):
        if not isinstance(members, list):
            raise SystemExit(f"{path}: clusters[{n}] is not a list")
        for m in members:
            key = id_string(m)
            if key in truth and truth[key] != n:
                raise SystemExit(f"{path}: id {key} is in two clusters ({truth[key]} and {n})")
            truth[key] = n
    return truth


def load_assignments(path):
    """id -> predicted cluster label. Each line is either an assignment
    {"id": ..., "cluster": ...} or a whole cluster {"members": [...], ...}
    whose members are ids or objects with an "id"."""
    pred = {}

    def put(key, label, lineno):
        if key in pred and pred[key] != label:
            raise SystemExit(f"{path}:{lineno}: id {key} assigned to two clusters")
        pred[key] = label

    with open(path, "r", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{lineno}: invalid JSON: {e}")
            if isinstance(obj, dict) and "id" in obj and "cluster" in obj:
                put(id_string(obj["id"]), "c" + json.dumps(obj["cluster"], sort_keys=True), lineno)
            elif isinstance(obj, dict) and isinstance(obj.get("members"), list):
                for m in obj["members"]:
                    if isinstance(m, dict):
                        if "id" not in m:
                            raise SystemExit(f"{path}:{lineno}: a member has no 'id'")
                        m = m["id"]
                    put(id_string(m), "line%d" % lineno, lineno)
            else:
                raise SystemExit(f"{path}:{lineno}: expected {{'id', 'cluster'}} or {{'members': [...]}}")
    return pred


def score(truth, pred, universe):
    """truth, pred: dict id -> cluster label (missing ids are singletons).
    universe: iterable of all ids scored. Returns a dict of metrics."""
    items = list(dict.fromkeys(universe))
    n = len(items)
    t_of = {x: ("t", truth[x]) if x in truth else ("ts", x) for x in items}
    p_of = {x: ("p", pred[x]) if x in pred else ("ps", x) for x in items}
    cell = Counter((p_of[x], t_of[x]) for x in items)
    p_size = Counter(p_of.values())
    t_size = Counter(t_of.values())

    sum_cells = sum(comb2(v) for v in cell.values())   # pairs together in both
    sum_pred = sum(comb2(v) for v in p_size.values())  # pairs together in prediction
    sum_true = sum(comb2(v) for v in t_size.values())  # pairs together in truth
    total = comb2(n)

    if total == 0:
        ari = 1.0
    else:
        expected = sum_pred * sum_true / total
        max_index = (sum_pred + sum_true) / 2
        if max_index == expected:  # both partitions trivial (all singletons / one cluster)
            ari = 1.0 if sum_cells == max_index else 0.0
        else:
            ari = (sum_cells - expected) / (max_index - expected)

    def f1(p, r):
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    pair_p = sum_cells / sum_pred if sum_pred else None
    pair_r = sum_cells / sum_true if sum_true else None

    if n:
        b_p = sum(cell[(p_of[x], t_of[x])] / p_size[p_of[x]] for x in items) / n
        b_r = sum(cell[(p_of[x], t_of[x])] / t_size[t_of[x]] for x in items) / n
    else:
        b_p = b_r = None

    return {
        "documents": n,
        "true_clusters": sum(1 for v in t_size.values() if v > 1),
        "predicted_clusters": sum(1 for v in p_size.values() if v > 1),
        "true_pairs": sum_true,
        "predicted_pairs": sum_pred,
        "correct_pairs": sum_cells,
        "ari": ari,
        "pair_precision": pair_p,
        "pair_recall": pair_r,
        "pair_f1": f1(pair_p, pair_r),
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": f1(b_p, b_r),
    }


def evaluate(labels_path, assignments_path, input_path=None, id_field="id"):
    truth = load_labels(labels_path)
    pred = load_assignments(assignments_path)
    universe = list(pred)
    corpus_ids = []
    if input_path:
        from corpus_io import read_records
        corpus_ids = [i for i, _ in read_records(input_path, id_field, want_text=False)]
        universe += corpus_ids
    universe += list(truth)
    result = score(truth, pred, universe)
    all_ids = set(universe)
    result["missing_from_assignments"] = sum(1 for x in all_ids if x not in pred)
    result["labelled_ids_not_in_assignments"] = sum(1 for x in truth if x not in pred)
    if input_path:
        cs = set(corpus_ids)
        result["assigned_ids_not_in_corpus"] = sum(1 for x in pred if x not in cs)
    return result


def self_test():
    close = lambda a, b: a is not None and abs(a - b) < 1e-12  # noqa: E731
    failures = []
    checks = [0]

    def check(name, got, want):
        checks[0] += 1
        if not close(got, want):
            failures.append(f"{name}: got {got}, want {want}")

    # Six documents a..f. Truth {a,b,c} {d,e} {f}; prediction {a,b} {c,d,e} {f}.
    # Contingency cells: (ab|abc)=2, (cde|abc)=1, (cde|de)=2, (f|f)=1.
    #   sum C(cell,2) = 1 + 0 + 1 + 0 = 2
    #   predicted sizes 2,3,1 -> sum C = 1+3+0 = 4;  true sizes 3,2,1 -> 3+1+0 = 4
    #   C(6,2) = 15; expected = 4*4/15 = 16/15; max = (4+4)/2 = 4
    #   ARI = (2 - 16/15) / (4 - 16/15) = (14/15) / (44/15) = 7/22
    #   pair P = 2/4, R = 2/4, F1 = 1/2
    #   B-cubed per document (P, R): a (1, 2/3)  b (1, 2/3)  c (1/3, 1/3)
    #     d (2/3, 1)  e (2/3, 1)  f (1, 1)  -> P = R = (14/3)/6 = 7/9, F1 = 7/9
    truth = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y", "f": "z"}
    m = score(truth, pred, "abcdef")
    check("ari", m["ari"], 7 / 22)
    check("pair_precision", m["pair_precision"], 0.5)
    check("pair_recall", m["pair_recall"], 0.5)
    check("pair_f1", m["pair_f1"], 0.5)
    check("bcubed_precision", m["bcubed_precision"], 7 / 9)
    check("bcubed_recall", m["bcubed_recall"], 7 / 9)
    check("bcubed_f1", m["bcubed_f1"], 7 / 9)

    # Four documents: truth [0,0,1,2], prediction [0,0,1,1]:
    #   cells: C(2,2)=1; sum_true = 1, sum_pred = 1+1 = 2, C(4,2)=6
    #   expected = 2/6, max = 3/2 -> ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7
    m = score({"0": 0, "1": 0}, {"0": 0, "1": 0, "2": 1, "3": 1}, ["0", "1", "2", "3"])
    check("ari (4 docs)", m["ari"], 4 / 7)
    check("pair_precision (4 docs)", m["pair_precision"], 0.5)
    check("pair_recall (4 docs)", m["pair_recall"], 1.0)

    # Identical partitions, with singletons implied by absence: every score 1.
    m = score({"a": 0, "b": 0}, {"a": 5, "b": 5, "c": 6, "d": 7}, "abcd")
    for k in ("ari", "pair_f1", "bcubed_f1"):
        check(k + " (identical)", m[k], 1.0)

    # Everything a singleton on both sides: ARI 1, pair scores undefined.
    m = score({}, {}, "abc")
    check("ari (all singletons)", m["ari"], 1.0)
    checks[0] += 1
    if m["pair_precision"] is not None or m["pair_recall"] is not None:
        failures.append("pair scores should be undefined with no pairs")

    # Ids given as JSON numbers and as strings compare equal.
    checks[0] += 1
    if id_string(604) != "604" or id_string(604.0) != "604" or id_string("604") != "604":
        failures.append("id_string does not normalise numbers")

    # Label-independence: renaming clusters changes nothing.
    m1 = score(truth, pred, "abcdef")
    m2 = score({k: v + 10 for k, v in truth.items()}, {k: v * 2 for k, v in pred.items()}, "abcdef")
    checks[0] += 1
    if m1 != m2:
        failures.append("scores depend on cluster names")

    # Both assignment formats read to the same partition (numbers vs strings).
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        a = os.path.join(tmp, "a.jsonl")
        b = os.path.join(tmp, "b.jsonl")
        with open(a, "w") as fh:
            fh.write('{"id": 1, "cluster": 0}\n{"id": "2", "cluster": 0}\n{"id": 3, "cluster": 1}\n')
        with open(b, "w") as fh:
            fh.write('{"members": ["1", {"id": 2}]}\n{"members": [3]}\n')
        pa, pb = load_assignments(a), load_assignments(b)
        m = score({"1": 0, "2": 0}, pa, ["1", "2", "3"])
        n = score({"1": 0, "2": 0}, pb, ["1", "2", "3"])
        check("ari (id/cluster file)", m["ari"], 1.0)
        check("ari (members file)", n["ari"], 1.0)

    if failures:
        print("metrics self-test FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("metrics self-test: %d checks passed" % checks[0])
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="Clustering quality: ARI, pair and B-cubed P/R/F1.")
    ap.add_argument("--labels")
    ap.add_argument("--assignments")
    ap.add_argument("--input", help="corpus whose ids all count as documents (optional)")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.labels or not args.assignments:
        ap.error("--labels and --assignments are required (or --self-test)")
    print(json.dumps(evaluate(args.labels, args.assignments, args.input, args.id_field), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
