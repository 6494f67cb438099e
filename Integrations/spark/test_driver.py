"""The driver's parts that need neither Spark nor the neardup binary: the command line, the
lines of the stage protocol, the messages, and piping a partition through a process.

Run: .venv/bin/python -m unittest test_driver (from this folder).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import neardup_spark as nd  # noqa: E402


class ArgumentTests(unittest.TestCase):
    def test_driver_options_detection_options_and_inputs(self):
        settings = nd.parse_arguments([
            "--master", "local[2]", "--partitions=3", "--threshold", "0.6", "a.jsonl",
            "--shingle=words:4", "--no-normalize", "b.jsonl.gz", "--output", "out", "--stats",
            "--skip-invalid", "--seed", "7", "--conf", "spark.executor.memory=2g"])
        self.assertEqual(settings.master, "local[2]")
        self.assertEqual(settings.partitions, 3)
        self.assertEqual(settings.inputs, ["a.jsonl", "b.jsonl.gz"])
        self.assertEqual(settings.output, "out")
        self.assertEqual(settings.stage_options,
                         ["--threshold", "0.6", "--shingle=words:4", "--no-normalize", "--seed", "7"])
        self.assertTrue(settings.stats and settings.skip_invalid)
        self.assertFalse(settings.dedupe_ids or settings.overwrite)
        self.assertEqual(settings.spark_conf, ["spark.executor.memory=2g"])

    def test_defaults(self):
        settings = nd.parse_arguments(["in.jsonl", "--output", "out"])
        self.assertEqual((settings.master, settings.partitions, settings.output_format), ("local[*]", 0, "jsonl"))
        self.assertEqual(settings.stage_options, [])

    def test_a_value_that_looks_like_an_input_stays_with_its_option(self):
        settings = nd.parse_arguments(["--date-field", "date", "--id-field", "url", "x.jsonl", "--output", "o"])
        self.assertEqual(settings.inputs, ["x.jsonl"])
        self.assertEqual(settings.stage_options, ["--date-field", "date", "--id-field", "url"])

    def test_value_options_read_from_the_binarys_help(self):
        help_text = """OPTIONS:
  --id-field <id-field>   JSON member holding the document id. (default: id)
  --min-shared-words <min-shared-words>
                          Text a copy must share.
  --paragraph-test/--no-paragraph-test
  --skip-invalid          Write an X line.
  --new-option <value>    Something new.
"""
        options = nd.value_options_from_help(help_text)
        self.assertEqual(options, {"--id-field", "--min-shared-words", "--new-option"})
        settings = nd.parse_arguments(["--new-option", "v", "in.jsonl", "--output", "o"], options)
        self.assertEqual(settings.inputs, ["in.jsonl"])

    def test_everything_after_a_double_dash_is_an_input(self):
        settings = nd.parse_arguments(["--output", "o", "--", "--odd-name.jsonl"])
        self.assertEqual(settings.inputs, ["--odd-name.jsonl"])

    def test_help(self):
        self.assertIsNone(nd.parse_arguments(["--help"]))

    def test_format_and_its_other_name(self):
        self.assertEqual(nd.parse_arguments(["i", "--output", "o", "--format", "csv"]).output_format, "csv")
        self.assertEqual(nd.parse_arguments(["i", "--output", "o", "--output-format=jsonl"]).output_format, "jsonl")

    def test_utf8_encoding_is_accepted_and_not_passed_on(self):
        settings = nd.parse_arguments(["i", "--output", "o", "--encoding", "UTF-8", "--seed", "2"])
        self.assertEqual(settings.stage_options, ["--seed", "2"])

    def test_refusals(self):
        cases = {
            "--output OUT is required": ["in.jsonl"],
            "no INPUT": ["--output", "o"],
            "--partitions must be a positive": ["i", "--output", "o", "--partitions", "0"],
            "--format must be": ["i", "--output", "o", "--format", "xml"],
            "standard input": ["-", "--output", "o"],
            "a tab or a line break": ["a\tb.jsonl", "--output", "o"],
            "a comma": ["a,b.jsonl", "--output", "o"],
            "UTF-8 only": ["i", "--output", "o", "--encoding=latin-1"],
            "--threshold needs a value": ["i", "--output", "o", "--threshold"],
            "--conf takes KEY=VALUE": ["i", "--output", "o", "--conf", "novalue"],
        }
        for expected, arguments in cases.items():
            with self.subTest(expected=expected):
                with self.assertRaises(nd.UsageError) as raised:
                    nd.parse_arguments(arguments)
                self.assertIn(expected, raised.exception.message)
                self.assertEqual(raised.exception.status, nd.EXIT_USAGE)


class ProtocolLineTests(unittest.TestCase):
    D_HUB = "D\t4\t-\t12\t00000000000000ff,0000000000000100\t\"a\"\tcGF5bG9hZA=="
    D_OTHER = "D\t9\t123\t3\t00000000000000ff\t\"b\"\tcGF5"

    def test_sketch_input_keeps_the_record_whole(self):
        record = '{"id": "a",\t"text": "x"}'
        self.assertEqual(nd.sketch_input_line(7, 3, "in.jsonl", record), '7\t3\tin.jsonl\t{"id": "a",\t"text": "x"}')

    def test_document_line_fields(self):
        parsed = nd.parse_document_line(self.D_HUB)
        self.assertEqual(parsed, nd.DocumentLine(4, "-", 12, ("00000000000000ff", "0000000000000100"), '"a"'))
        self.assertEqual(nd.document_position(self.D_OTHER), 9)
        self.assertEqual(nd.document_group(self.D_OTHER), "123")
        self.assertEqual(nd.document_id_json(self.D_OTHER), '"b"')
        with self.assertRaises(nd.NearDupFailure):
            nd.parse_document_line("D\t4\t-")

    def test_band_entries(self):
        self.assertEqual(nd.band_entries((4, self.D_HUB)), [(0xFF, 4), (0x100, 4)])
        no_candidates = "D\t5\t-\t0\t00000000000000ff\t\"c\"\tx"
        self.assertEqual(nd.band_entries((5, no_candidates)), [])
        no_keys = "D\t6\t-\t5\t\t\"d\"\tx"
        self.assertEqual(nd.band_entries((6, no_keys)), [])

    def test_hub_pairs(self):
        self.assertEqual(nd.hub_pairs([9, 4, 12, 4]), [(4, 9), (4, 12)])

    def test_band_keys_are_left_out_for_verification(self):
        self.assertEqual(nd.without_band_keys(self.D_HUB).split("\t")[4], "")
        self.assertEqual(nd.without_band_keys(self.D_HUB).split("\t")[:4], self.D_HUB.split("\t")[:4])

    def test_verify_block(self):
        entries = [(12, None), (9, self.D_OTHER), (9, None), (4, self.D_HUB), (12, "D\t12\t-\t1\t\t\"c\"\tx")]
        self.assertEqual(nd.verify_block(4, entries), [
            self.D_HUB, self.D_OTHER, "D\t12\t-\t1\t\t\"c\"\tx", "P\t4\t9", "P\t4\t12", "B"])
        with self.assertRaises(nd.NearDupFailure):
            nd.verify_block(4, [(9, self.D_OTHER), (9, None)])

    def test_edge_and_assignment_lines(self):
        self.assertEqual(nd.parse_edge_line("E\t4\t9\t0.9\t12"), (4, 9, "E\t4\t9\t0.9\t12"))
        self.assertEqual(nd.parse_assignment_line("A\t9\t4\t0.9412"), (9, (4, "0.9412")))
        with self.assertRaises(nd.NearDupFailure):
            nd.parse_assignment_line("A\t9\t4")

    def test_resolve_block(self):
        entries = [(1, (9, 12), "E\t9\t12\tx"), (0, 12, "D12"), (1, (4, 9), "E\t4\t9\ty"), (0, 4, "D4"), (0, 9, "D9")]
        self.assertEqual(nd.resolve_block(entries), ["D4", "D9", "D12", "E\t4\t9\ty", "E\t9\t12\tx", "B"])

    def test_output_lines(self):
        self.assertEqual(nd.assignment_line('"a"', 0, '"a"', "1.0000"),
                         '{"id": "a", "cluster": 0, "representative": "a", "similarity": 1.0000}')
        self.assertEqual(nd.assignment_line('"x,1"', 3, '"q\\"t"', "0.9412", "csv"), '"x,1",3,"q""t",0.9412')

    def test_blank_lines(self):
        self.assertTrue(nd.is_blank(" \t\r"))
        self.assertTrue(nd.is_blank(""))
        self.assertFalse(nd.is_blank("\u00a0"))


class MessageTests(unittest.TestCase):
    def test_ids_quoted_as_neardup_quotes_them(self):
        cases = {"it's": "\"it\\'s\"", 'q"x': '"q\\"x"', "b\\s": '"b\\\\s"', "é": '"é"', "t\tab": '"t\\tab"',
                 "c\u0001x": '"c\\u{01}x"', "del\u007f": '"del\\u{7F}"', "nul\0x": '"nul\\0x"',
                 "cr\rx": '"cr\\rx"', "nl\nx": '"nl\\nx"', "emoji😀": '"emoji😀"'}
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(nd.swift_quoted(text), expected)

    def test_canonically_equivalent_ids_are_the_same(self):
        self.assertEqual(nd.id_key('"\u00e9"'), nd.id_key('"e\u0301"'))

    def test_skipped_reports(self):
        self.assertEqual(nd.skipped_report(0, [], "invalid"), [])
        self.assertEqual(nd.skipped_report(1, ["f:1: x"], "invalid"), ["skipped 1 invalid record", "f:1: x"])
        self.assertEqual(nd.skipped_report(7, ["e"] * 5, "duplicate-id")[0],
                         "skipped 7 duplicate-id records (the first 5 follow)")

    def test_summary(self):
        self.assertEqual(nd.summary_line(3000, 412, 1800), "3000 documents read, 412 clusters, 1800 documents are copies")
        self.assertEqual(nd.summary_line(1, 1, 1), "1 document read, 1 cluster, 1 document is a copy")

    def test_a_failure_survives_sparks_error_text(self):
        failure = nd.NearDupFailure("in.jsonl:3: invalid JSON: \"x\"\nsecond line", nd.EXIT_DATA)
        spark_text = ("An error occurred while calling o91.collectAndServe.\n"
                      "org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
                      "  File \"worker.py\", line 1, in main\n"
                      f"neardup_spark.NearDupFailure: {failure}\n\n\tat org.apache.spark...\n")
        carried = nd.failure_from_spark_error(spark_text)
        self.assertEqual((carried.message, carried.status), (failure.message, nd.EXIT_DATA))
        self.assertIsNone(nd.failure_from_spark_error("java.lang.OutOfMemoryError"))

    def test_glob_characters_are_escaped_for_hadoop(self):
        self.assertEqual(nd.hadoop_glob_escape("a[1]{x}*?.jsonl"), "a\\[1\\]\\{x\\}\\*\\?.jsonl")


class Recorder:
    def __init__(self):
        self.totals = None

    def add(self, *totals):
        self.totals = totals


class PipeTests(unittest.TestCase):
    def test_a_large_partition_streams_through_without_stalling(self):
        # Far more than a pipe holds, both ways: the writer thread keeps them flowing.
        lines = [f"{index}\t" + "x" * 200 for index in range(100_000)]
        recorder = Recorder()
        out = list(nd.pipe_lines(["cat"], "test", iter(lines), "same", recorder))
        self.assertEqual(out, lines)
        size = sum(len(line) + 1 for line in lines)
        self.assertEqual(recorder.totals, (100_000, size, 100_000, size))

    def test_text_keeps_tabs_carriage_returns_and_unicode(self):
        lines = ["a\tb\rc", "é😀\u2028x"]
        self.assertEqual(list(nd.pipe_lines(["cat"], "test", lines, "same")), lines)

    def test_an_empty_partition_starts_no_process(self):
        self.assertEqual(list(nd.pipe_lines(["/nonexistent/neardup"], "test", iter([]))), [])

    def test_a_failing_stage_reports_its_message_and_status(self):
        command = ["sh", "-c", "cat >/dev/null; echo 'neardup: in.jsonl:3: invalid JSON' >&2; exit 65"]
        with self.assertRaises(nd.NearDupFailure) as raised:
            list(nd.pipe_lines(command, "sketch", ["1\t1\tin.jsonl\t{"] * 10))
        self.assertEqual((raised.exception.message, raised.exception.status), ("in.jsonl:3: invalid JSON", nd.EXIT_DATA))

    def test_a_crash_is_an_internal_error_naming_the_stage(self):
        command = ["sh", "-c", "head -c 10 >/dev/null; echo boom >&2; exit 134"]
        with self.assertRaises(nd.NearDupFailure) as raised:
            list(nd.pipe_lines(command, "verify", ["x" * 1000] * 1000))
        self.assertEqual(raised.exception.status, nd.EXIT_INTERNAL)
        self.assertIn("neardup stage verify exited with status 134: boom", raised.exception.message)

    def test_output_counts_are_checked(self):
        with self.assertRaises(nd.NearDupFailure) as raised:
            list(nd.pipe_lines(["head", "-n", "1"], "sketch", ["a", "b"], "same"))
        self.assertIn("wrote 1 lines for 2", raised.exception.message)
        block = ["D\t1\tx", "D\t2\ty", "E\t1\t2\tz", "B"]
        with self.assertRaises(nd.NearDupFailure):
            list(nd.pipe_lines(["cat"], "resolve", block, "documents"))
        self.assertEqual(list(nd.pipe_lines(["head", "-n", "2"], "resolve", block, "documents")), block[:2])


if __name__ == "__main__":
    unittest.main()
