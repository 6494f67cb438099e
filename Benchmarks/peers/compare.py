#!/usr/bin/env python3
"""Side-by-side whole-process comparison of NearDup and its peers.

    compare.py --input FILE [--labels LABELS.json] [--neardup PATH]
               [--peers datasketch,rensa,gaoya] [--repeat 3] [--format text|markdown]

Runs every tool as a separate process under `/usr/bin/time -v`, `--repeat`
times (round-robin, so drift hits every tool alike), on the same corpus with
the same parameters (word --ngram shingles, --num-perm, --threshold, --seed),
then prints one row per tool: median wall seconds, peak RSS, quality against
the labels (when given) and NearDup's speed ratio against each peer.
Outputs, logs and a results.json go under --out (default: Benchmarks/out/).
Run it with the virtualenv's python (compare.sh does).
"""

import argparse
import hashlib
import importlib.metadata
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import metrics  # noqa: E402
from corpus_io import corpus_format  # noqa: E402

ALL_PEERS = ("datasketch", "rensa", "gaoya")
TIME = "/usr/bin/time"


def parse_time_v(path):
    """Fields of GNU time -v output we use: wall, user, sys seconds and peak RSS KiB."""
    out = {}
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return out
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["rss_kib"] = int(m.group(1))
    m = re.search(r"User time \(seconds\): ([\d.]+)", text)
    if m:
        out["user_s"] = float(m.group(1))
    m = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if m:
        out["sys_s"] = float(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        out["time_wall_s"] = secs
    m = re.search(r"Exit status: (\d+)", text)
    if m:
        out["exit_status"] = int(m.group(1))
    return out


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def peer_available(peer):
    try:
        return importlib.metadata.version(peer)
    except importlib.metadata.PackageNotFoundError:
        return None


def build_commands(args, out_dir):
    """[(tool, version, argv_builder(run) -> (argv, output_path))]"""
    tools = []
    if args.neardup:
        exe = os.path.abspath(args.neardup)
        try:
            ver = subprocess.run([exe, "--version"], capture_output=True, text=True,
                                 timeout=30).stdout.strip().splitlines()[0] or "?"
        except Exception:  # noqa: BLE001 - version is informative only
            ver = "?"

        def neardup_cmd(run, exe=exe):
            out = os.path.join(out_dir, f"neardup.run{run}.jsonl")
            argv = [exe, "cluster", args.input,
                    "--shingle", f"words:{args.ngram}",
                    "--num-perm", str(args.num_perm),
                    "--threshold", str(args.threshold),
                    "--threads", "1",
                    "--output", out]
            if args.id_field is not None:
                argv += ["--id-field", args.id_field]
            if args.text_field is not None:
                argv += ["--text-field", args.text_field]
            return argv, out

        tools.append(("neardup", ver, neardup_cmd))

    for peer in args.peers + (["shingle-only"] if args.baseline else []):
        ver = "-" if peer == "shingle-only" else peer_available(peer)
        if ver is None:
            print(f"compare: {peer} is not installed in this environment; skipping it "
                  f"(run setup.sh)", file=sys.stderr)
            continue

        def peer_cmd(run, peer=peer):
            out = os.path.join(out_dir, f"{peer}.run{run}.jsonl")
            argv = [sys.executable, os.path.join(HERE, "peer_cluster.py"),
                    "--peer", peer, "--input", args.input,
                    "--id-field", args.id_field or "id",
                    "--text-field", args.text_field or "text",
                    "--ngram", str(args.ngram), "--num-perm", str(args.num_perm),
                    "--threshold", str(args.threshold), "--seed", str(args.seed),
                    "--output", out]
            if peer == "rensa" and args.rensa_bands:
                argv += ["--bands", str(args.rensa_bands)]
            if args.verify:
                argv.append("--verify")
            return argv, out

        tools.append((peer, ver, peer_cmd))
    return tools


def run_once(tool, argv, out_path, run, out_dir, env):
    time_path = os.path.join(out_dir, f"{tool}.run{run}.time")
    log_path = os.path.join(out_dir, f"{tool}.run{run}.log")
    if os.path.exists(out_path):
        os.remove(out_path)
    with open(log_path, "wb") as log:
        t0 = time.perf_counter()
        proc = subprocess.run([TIME, "-v", "-o", time_path] + argv,
                              stdout=log, stderr=subprocess.STDOUT, env=env)
        wall = time.perf_counter() - t0
    rec = {"run": run, "wall_s": wall, "returncode": proc.returncode,
           "log": log_path, "output": out_path, "argv": argv}
    rec.update(parse_time_v(time_path))
    if proc.returncode == 0 and os.path.exists(out_path):
        rec["output_sha256"] = file_digest(out_path)
    stats_line = None
    try:
        with open(log_path, "r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("peer-stats: "):
                    stats_line = line[len("peer-stats: "):]
    except OSError:
        pass
    if stats_line:
        try:
            rec["peer_stats"] = json.loads(stats_line)
        except json.JSONDecodeError:
            pass
    return rec


def fmt(v, spec):
    return "" if v is None else format(v, spec)


def render(results, args, fmt_name):
    cols = ["tool", "version", "wall s (median)", "cpu s", "peak RSS MB",
            "ARI", "pair P", "pair R", "pair F1", "B3 F1", "NearDup speedup"]
    nd = next((r for r in results["tools"] if r["tool"] == "neardup" and r.get("median_wall_s")), None)
    rows = []
    for r in results["tools"]:
        q = r.get("quality") or {}
        if r.get("error"):
            rows.append([r["tool"], r["version"], "FAILED"] + [""] * (len(cols) - 3))
            continue
        speed = ""
        if nd and r["tool"] not in ("neardup", "shingle-only") and r.get("median_wall_s"):
            speed = "%.2fx" % (r["median_wall_s"] / nd["median_wall_s"])
        rows.append([
            r["tool"], r["version"], fmt(r.get("median_wall_s"), ".3f"),
            fmt(r.get("median_cpu_s"), ".2f"), fmt(r.get("peak_rss_mb"), ".1f"),
            fmt(q.get("ari"), ".3f"), fmt(q.get("pair_precision"), ".3f"),
            fmt(q.get("pair_recall"), ".3f"), fmt(q.get("pair_f1"), ".3f"),
            fmt(q.get("bcubed_f1"), ".3f"), speed])
    p = results["parameters"]
    head = (f"corpus: {os.path.basename(p['input'])} ({results.get('documents', '?')} docs, "
            f"{results['input_mib']:.1f} MiB); word {p['ngram']}-grams, num_perm {p['num_perm']}, "
            f"threshold {p['threshold']}, seed {p['seed']}, {p['repeat']} runs each"
            + ("" if p["labels"] else "; no labels (quality columns blank)"))
    notes = []
    for r in results["tools"]:
        parts = []
        ps = r.get("peer_params")
        if ps:
            parts.append(", ".join(f"{k}={v}" for k, v in ps.items()))
        if r.get("clusters") is not None:
            if r["tool"] != "shingle-only":
                parts.append(f"{r['clusters']} clusters of 2+ documents, largest {r['largest_cluster']}")
        if r.get("nondeterministic"):
            parts.append("outputs differ between runs (quality is from run 1)")
        if r.get("error"):
            parts.append("FAILED: " + r["error"])
        if parts:
            notes.append(f"{r['tool']}: " + "; ".join(parts))
    if fmt_name == "markdown":
        lines = [head, "", "| " + " | ".join(cols) + " |",
                 "|" + "|".join("---" if i < 2 else "---:" for i in range(len(cols))) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        if notes:
            lines += [""] + ["- " + n for n in notes]
        return "\n".join(lines)
    widths = [max(len(c), *(len(row[i]) for row in rows)) if rows else len(c)
              for i, c in enumerate(cols)]
    line = lambda vals: "  ".join(  # noqa: E731
        v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(vals, widths)))
    lines = [head, "", line(cols), line(["-" * w for w in widths])]
    lines += [line(row) for row in rows]
    if notes:
        lines += [""] + ["  " + n for n in notes]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--labels", help="ground truth {\"clusters\": [[id, ...], ...]} (optional)")
    ap.add_argument("--neardup", help="path to the neardup binary (omit to run only the peers)")
    ap.add_argument("--peers", default=",".join(ALL_PEERS),
                    help="comma-separated subset of %s, or 'none'" % ",".join(ALL_PEERS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--id-field", help="id field/column (default id; passed to neardup only if given)")
    ap.add_argument("--text-field", help="text field/column (default text; passed to neardup only if given)")
    ap.add_argument("--ngram", type=int, default=5)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1, help="peers' MinHash seed")
    ap.add_argument("--rensa-bands", type=int, default=0, help="override rensa's band count (default 16)")
    ap.add_argument("--verify", action="store_true",
                    help="peers keep only candidates whose estimated Jaccard passes the threshold")
    ap.add_argument("--baseline", action="store_true",
                    help="also time peer_cluster.py --peer shingle-only (read + shingle, no index): "
                         "the Python harness's share of every peer's time")
    ap.add_argument("--format", choices=("text", "markdown"), default="text")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out"),
                    help="output folder (default Benchmarks/out)")
    ap.add_argument("--name", help="subfolder name under --out (default: the input file's stem)")
    args = ap.parse_args(argv)

    args.input = os.path.abspath(args.input)
    corpus_format(args.input)  # exits on an unknown format
    if not os.path.isfile(args.input):
        ap.error(f"no such file: {args.input}")
    if args.labels and not os.path.isfile(args.labels):
        ap.error(f"no such file: {args.labels}")
    if args.neardup and not os.access(args.neardup, os.X_OK):
        ap.error(f"not an executable: {args.neardup}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    args.peers = [] if args.peers in ("", "none") else [p.strip() for p in args.peers.split(",") if p.strip()]
    for p in args.peers:
        if p not in ALL_PEERS:
            ap.error(f"unknown peer {p!r} (known: {', '.join(ALL_PEERS)})")
    if not os.access(TIME, os.X_OK):
        raise SystemExit(f"{TIME} not found: apt-get install time (compare.sh does this)")

    stem = args.name or re.sub(r"\.(jsonl|ndjson|csv)(\.gz)?$", "", os.path.basename(args.input))
    out_dir = os.path.join(os.path.abspath(args.out), stem)
    os.makedirs(out_dir, exist_ok=True)

    tools = build_commands(args, out_dir)
    if not tools:
        raise SystemExit("compare: nothing to run (no --neardup and no installed peer)")

    env = dict(os.environ)
    # One thread everywhere: NearDup runs with --threads 1; the peers' per-document
    # APIs are single-threaded, and this keeps any native pool to one core too.
    for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"

    runs = {t[0]: [] for t in tools}
    for run in range(1, args.repeat + 1):
        for tool, _ver, cmd in tools:
            argv_, out_path = cmd(run)
            print(f"compare: run {run}/{args.repeat} {tool}: {' '.join(shlex.quote(a) for a in argv_)}",
                  file=sys.stderr)
            runs[tool].append(run_once(tool, argv_, out_path, run, out_dir, env))

    results = {"parameters": {"input": args.input, "labels": args.labels, "neardup": args.neardup,
                              "ngram": args.ngram, "num_perm": args.num_perm,
                              "threshold": args.threshold, "seed": args.seed,
                              "repeat": args.repeat, "verify": args.verify,
                              "rensa_bands": args.rensa_bands or None},
               "input_mib": os.path.getsize(args.input) / (1 << 20),
               "tools": []}
    for tool, ver, _cmd in tools:
        rs = runs[tool]
        entry = {"tool": tool, "version": ver, "runs": rs}
        bad = [r for r in rs if r["returncode"] != 0 or "output_sha256" not in r]
        if bad:
            r = bad[0]
            entry["error"] = (f"exit {r['returncode']}" if r["returncode"] else "no output") + f", see {r['log']}"
            results["tools"].append(entry)
            continue
        entry["median_wall_s"] = statistics.median(r["wall_s"] for r in rs)
        cpu = [r["user_s"] + r["sys_s"] for r in rs if "user_s" in r and "sys_s" in r]
        entry["median_cpu_s"] = statistics.median(cpu) if cpu else None
        rss = [r["rss_kib"] for r in rs if "rss_kib" in r]
        entry["peak_rss_mb"] = max(rss) / 1024 if rss else None
        entry["nondeterministic"] = len({r["output_sha256"] for r in rs}) > 1
        if rs[0].get("peer_stats"):
            entry["peer_params"] = rs[0]["peer_stats"].get("params")
        try:
            pred = metrics.load_assignments(rs[0]["output"])
            sizes = {}
            for label in pred.values():
                sizes[label] = sizes.get(label, 0) + 1
            entry["clusters"] = sum(1 for n in sizes.values() if n > 1)
            entry["largest_cluster"] = max(sizes.values(), default=0)
            results.setdefault("documents", len(pred))
            if args.labels and tool != "shingle-only":
                entry["quality"] = metrics.evaluate(args.labels, rs[0]["output"], args.input,
                                                    args.id_field or "id")
                results["documents"] = entry["quality"]["documents"]
        except SystemExit as e:  # unreadable output: report, keep the timings
            entry["error"] = f"output not readable: {e}"
        results["tools"].append(entry)

    table = render(results, args, args.format)
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=1)
    with open(os.path.join(out_dir, "table.md" if args.format == "markdown" else "table.txt"),
              "w", encoding="utf-8") as fh:
        fh.write(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
