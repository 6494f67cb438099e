"""Corpus reading and shingling shared by peer_cluster.py and metrics.py.

Standard library only. A corpus is a .jsonl file (one JSON object a line) or a
.csv file with a header row; either may be gzip-compressed (.gz). Each record
gives an id and a text through named fields.
"""

import csv
import gzip
import io
import json
import re
import sys

_WORD = re.compile(r"\w+")


def _raise_csv_field_limit():
    # News pages can be far longer than csv's default 128 KiB field limit.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def _open_text(path):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, "r", encoding="utf-8", newline="")


def corpus_format(path):
    base = path[:-3] if path.endswith(".gz") else path
    if base.endswith(".jsonl") or base.endswith(".ndjson"):
        return "jsonl"
    if base.endswith(".csv"):
        return "csv"
    raise SystemExit(f"{path}: unknown corpus format (expected .jsonl or .csv, optionally .gz)")


def id_string(value):
    """Ids are compared as strings; JSON numbers become their decimal text."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"unusable id {value!r}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_records(path, id_field="id", text_field="text", want_text=True):
    """Yield (id_string, text) in input order. Exits with file:line on bad input."""
    fmt = corpus_format(path)
    with _open_text(path) as fh:
        if fmt == "jsonl":
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{lineno}: invalid JSON: {e}")
                if not isinstance(obj, dict):
                    raise SystemExit(f"{path}:{lineno}: expected a JSON object")
                if id_field not in obj:
                    raise SystemExit(f"{path}:{lineno}: missing id field {id_field!r}")
                text = ""
                if want_text:
                    text = obj.get(text_field)
                    text = "" if text is None else str(text)
                try:
                    yield id_string(obj[id_field]), text
                except ValueError as e:
                    raise SystemExit(f"{path}:{lineno}: {e}")
        else:
            _raise_csv_field_limit()
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                return
            try:
                id_col = header.index(id_field)
            except ValueError:
                raise SystemExit(f"{path}:1: no column {id_field!r} in header {header}")
            text_col = None
            if want_text:
                try:
                    text_col = header.index(text_field)
                except ValueError:
                    raise SystemExit(f"{path}:1: no column {text_field!r} in header {header}")
            for row in reader:
                if not row:
                    continue
                if id_col >= len(row):
                    raise SystemExit(f"{path}:{reader.line_num}: row has no {id_field!r} column")
                text = ""
                if text_col is not None and text_col < len(row):
                    text = row[text_col]
                yield row[id_col], text


def word_shingles(text, k):
    """Word k-grams of a text: lowercased, words are \\w+ runs, joined by one space.

    Distinct shingles in first-seen order. A text with fewer than k words (but
    at least one) is one shingle of all its words; a text with no word has none.
    """
    words = _WORD.findall(text.lower())
    n = len(words)
    if n == 0:
        return []
    if n < k:
        return [" ".join(words)]
    return list(dict.fromkeys(" ".join(words[i:i + k]) for i in range(n - k + 1)))


def has_word(text):
    """True when word_shingles(text, k) is non-empty for any k."""
    return _WORD.search(text) is not None
