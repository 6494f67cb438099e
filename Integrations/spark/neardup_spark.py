"""NearDup on Apache Spark: `neardup cluster` for a corpus spread over a cluster.

Spark moves the records and the executors run the `neardup stage` commands on them, so the
output is byte for byte what `neardup cluster` writes for the same input:

  1. sketch      each JSONL record -> a document line (band keys, id, sketch) or an
                 invalid-record line
  2. furniture   documents of one source together -> repeated page furniture left out
  3. candidates  documents sharing a band key -> pairs (smallest position, other)
  4. verify      each hub with its candidates -> copy edges
  5. components  connected components of the copy edges (large-star / small-star)
  6. resolve     each component -> every member's representative and similarity
  7. output      one assignment line per document, in input order

Every line exchanged with the binary is UTF-8 text, fields separated by tabs.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
import zlib
from collections import deque
from dataclasses import dataclass, field
from itertools import chain

PROGRAM = "neardup-spark"

USAGE = f"""\
usage: {PROGRAM} [--master URL] [--partitions N] [--block-candidates N] [--neardup PATH] [--conf KEY=VALUE ...]
                     [--skip-invalid] [--dedupe-ids] [--format jsonl|csv] [--stats]
                     [detection options ...] INPUT ... --output OUT [--overwrite]

Assigns every document of the JSON Lines INPUTs (gzip-compressed when named .gz) a cluster
number, its representative and its similarity to it, as `neardup cluster` does, with Apache
Spark. OUT is a folder of part files: `cat OUT/part-*` is exactly what `neardup cluster`
writes for the same inputs and options, one line per document in input order.

Spark:
  --master URL        Spark master (default: local[*], every core of this machine; locally
                      the driver gets half the machine's memory unless --conf sets
                      spark.driver.memory).
  --block-candidates N
                      Candidates of one document verified in one block at most (default
                      2000): a story copied more often is verified in several blocks.
  --partitions N      Partitions of every shuffle (default: Spark's default parallelism, or
                      one per 32 MB of input when that is more).
                      The output does not depend on it.
  --conf KEY=VALUE    A Spark setting, such as spark.executor.memory=8g. Repeatable.
                      Executors run this driver's functions in Python (PYSPARK_PYTHON, of
                      the driver's Python version); locally, the driver's own Python.

The binary:
  --neardup PATH      The neardup binary with the `stage` commands (default: the repository's
                      .build/release/neardup, else neardup on PATH). It is shipped to the
                      executors with SparkContext.addFile, as spark-submit --files does, and
                      each task runs it from SparkFiles.get("<its file name>"). The executors
                      need the shared libraries it links (the Swift runtime unless built with
                      --static-swift-stdlib, libxml2, libxxhash, zlib, libsqlite3).

Input and output:
  --output OUT        Output folder (required). An existing folder that is not empty is
                      refused unless --overwrite; the result is written beside it and moved
                      into place when complete.
  --overwrite         Replace OUT.
  --format FORMAT     jsonl (default) or csv, as `neardup cluster --format`.
  --skip-invalid      Skip records that cannot be read, count them and show the first 5,
                      instead of stopping at the first.
  --dedupe-ids        Skip documents whose id an earlier document already has, and count
                      them, instead of stopping with an error.
  --stats             At the end, per stage: wall time, the records and bytes sent through
                      the binary and the bytes Spark shuffled, also per document.

Detection options: every other option (--threshold 0.6, --shingle words:5, --num-perm,
--seed, --date-field, --source-field, --id-field, --text-field, --date-format, ...) is given
unchanged to every `neardup stage` command; see `neardup cluster --help`.

Inputs are read as UTF-8 by Spark, which replaces bytes that are not valid UTF-8 with U+FFFD
before the binary sees them (`neardup cluster` calls such a record invalid).

Exit codes: 0 success; 64 bad command line; 65 bad input data (the message names
FILE:LINE); 66 an input cannot be opened; 70 internal error; 73 the output cannot be written.
"""

# neardup's options that take a value, in case `neardup stage sketch --help` cannot be read
# for them: the driver must know them to tell an option's value from an input path.
KNOWN_VALUE_OPTIONS = frozenset({
    "--id-field", "--text-field", "--source-field", "--date-field", "--date-format",
    "--encoding", "--invalid-utf8", "--input-format", "--shingle", "--num-perm", "--minhash",
    "--threshold", "--min-shared-words", "--length-ratio", "--bands", "--rows", "--seed",
    "--threads", "--learn-furniture", "--url-field",
})

EXIT_USAGE = 64
EXIT_DATA = 65
EXIT_NO_INPUT = 66
EXIT_INTERNAL = 70
EXIT_CANNOT_WRITE = 73

# Failures raised on executors reach the driver inside Spark's error text: this prefix and
# the JSON after it, on one line, carry the message and exit status back intact.
FAILURE_MARKER = "neardup-spark-failure:"

# Input bytes per partition when --partitions is not given.
PARTITION_BYTES = 32 << 20

# A skipped-record report shows this many examples, as `neardup cluster` does.
EXAMPLE_LIMIT = 5


class NearDupFailure(Exception):
    """An error to report in one line and exit with `status`."""

    def __init__(self, message, status=EXIT_INTERNAL):
        self.message = message
        self.status = status
        super().__init__(FAILURE_MARKER + json.dumps({"status": status, "message": message}))


def failure_from_spark_error(error_text):
    """The NearDupFailure an executor raised, found in Spark's error text; None if none."""
    match = re.search(re.escape(FAILURE_MARKER) + r"(\{.*\})\s*$", error_text, re.MULTILINE)
    if not match:
        return None
    try:
        carried = json.loads(match.group(1))
        return NearDupFailure(carried["message"], carried["status"])
    except (ValueError, KeyError):
        return None


# ---------------------------------------------------------------------------------------
# The command line


@dataclass
class Settings:
    inputs: list
    output: str
    master: str = "local[*]"
    partitions: int = 0  # 0: Spark's default parallelism
    # Candidates of one hub verified in one block at most: a story copied very many times
    # is verified in several blocks, each with the hub's document again.
    block_candidates: int = 2000
    neardup: str = ""
    spark_conf: list = field(default_factory=list)
    overwrite: bool = False
    output_format: str = "jsonl"
    skip_invalid: bool = False
    dedupe_ids: bool = False
    stats: bool = False
    stage_options: list = field(default_factory=list)


class UsageError(NearDupFailure):
    def __init__(self, message):
        super().__init__(message, EXIT_USAGE)


DRIVER_VALUE_OPTIONS = ("--master", "--partitions", "--block-candidates", "--neardup", "--conf", "--output",
                        "--format", "--output-format")
DRIVER_FLAGS = ("--overwrite", "--skip-invalid", "--dedupe-ids", "--stats")


def positive_whole_number(values, name):
    try:
        number = int(values[name])
    except ValueError:
        number = 0
    if number < 1:
        raise UsageError(f"{name} must be a positive whole number, not {values[name]!r}")
    return number


def parse_arguments(arguments, value_options=KNOWN_VALUE_OPTIONS):
    """Settings from the command line; None when help was asked for.

    Options the driver does not know go to the stage commands as they are; `value_options`
    names those that take a value (`--threshold 0.6` as well as `--threshold=0.6`).
    """
    inputs, stage_options = [], []
    values = {}
    flags = set()
    conf = []
    index = 0
    only_inputs = False
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if only_inputs or argument == "-" or not argument.startswith("-"):
            inputs.append(argument)
            continue
        if argument == "--":
            only_inputs = True
            continue
        if argument in ("-h", "--help"):
            return None
        name, has_inline_value, inline_value = argument.partition("=")
        if name in DRIVER_VALUE_OPTIONS:
            if has_inline_value:
                value = inline_value
            elif index < len(arguments):
                value = arguments[index]
                index += 1
            else:
                raise UsageError(f"{name} needs a value")
            if name == "--conf":
                conf.append(value)
            else:
                values["--format" if name == "--output-format" else name] = value
        elif name in DRIVER_FLAGS:
            if has_inline_value:
                raise UsageError(f"{name} takes no value")
            flags.add(name)
        elif name in value_options:
            stage_options.append(argument)
            if not has_inline_value:
                if index >= len(arguments):
                    raise UsageError(f"{name} needs a value")
                stage_options.append(arguments[index])
                index += 1
        else:
            stage_options.append(argument)

    if "--output" not in values:
        raise UsageError("--output OUT is required (a folder for the part files)")
    if not inputs:
        raise UsageError("no INPUT given")
    settings = Settings(inputs=inputs, output=values["--output"])
    if "--master" in values:
        settings.master = values["--master"]
    if "--partitions" in values:
        settings.partitions = positive_whole_number(values, "--partitions")
    if "--block-candidates" in values:
        settings.block_candidates = positive_whole_number(values, "--block-candidates")
    settings.neardup = values.get("--neardup", "")
    settings.output_format = values.get("--format", "jsonl")
    if settings.output_format not in ("jsonl", "csv"):
        raise UsageError(f"--format must be jsonl or csv, not {settings.output_format!r}")
    for setting in conf:
        if "=" not in setting:
            raise UsageError(f"--conf takes KEY=VALUE, not {setting!r}")
    settings.spark_conf = conf
    settings.overwrite = "--overwrite" in flags
    settings.skip_invalid = "--skip-invalid" in flags
    settings.dedupe_ids = "--dedupe-ids" in flags
    settings.stats = "--stats" in flags
    settings.stage_options = stage_options
    check_inputs_and_options(settings)
    return settings


def check_inputs_and_options(settings):
    for path in settings.inputs:
        if path == "-":
            raise UsageError("standard input cannot be read by Spark's executors: give the corpus as files")
        if "\t" in path or "\n" in path or "\r" in path:
            raise UsageError(f"input path {path!r} holds a tab or a line break, which the stage lines cannot carry")
        if "," in path:
            # Spark's textFile reads a comma-separated string as several paths.
            raise UsageError(f"input path {path!r} holds a comma, which Spark reads as a list of paths")
    # Spark decodes the inputs as UTF-8 itself: --encoding can only say so, and goes no further.
    options = []
    index = 0
    while index < len(settings.stage_options):
        option = settings.stage_options[index]
        name, has_inline, inline = option.partition("=")
        index += 1
        if name != "--encoding":
            options.append(option)
            continue
        value = inline if has_inline else settings.stage_options[index]
        index += 0 if has_inline else 1
        if value.lower() not in ("utf-8", "utf8"):
            raise UsageError(f"Spark reads text as UTF-8 only: convert the corpus instead of --encoding {value}")
    settings.stage_options = options


def value_options_from_help(help_text):
    """The options `neardup ... --help` shows with a `<value>`, e.g. `--seed <seed>`."""
    return frozenset(re.findall(r"^\s*(--[A-Za-z0-9][\w-]*) <", help_text, re.MULTILINE))


def default_binary():
    """The repository's release build beside this folder, else `neardup` on PATH."""
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    built = os.path.join(repository, ".build", "release", "neardup")
    if os.access(built, os.X_OK):
        return built
    return shutil.which("neardup") or ""


# ---------------------------------------------------------------------------------------
# Lines of the stage protocol


def is_blank(text):
    """A line of only spaces, tabs and carriage returns holds no record, as for neardup."""
    return text.strip(" \t\r") == ""


def sketch_input_line(position, line, file_name, record):
    return f"{position}\t{line}\t{file_name}\t{record}"


@dataclass(frozen=True)
class DocumentLine:
    """The fields of a `D` line that the driver reads; the line itself goes on unchanged."""
    position: int
    group: str
    kept: int
    keys: tuple
    id_json: str


def parse_document_line(line):
    fields = line.split("\t", 6)
    if len(fields) != 7 or fields[0] != "D":
        raise NearDupFailure(f"protocol: expected a document line D\\tPOSITION\\tGROUP\\tKEPT\\tKEYS\\tIDJSON\\tPAYLOAD, got {line[:200]!r}")
    try:
        return DocumentLine(position=int(fields[1]), group=fields[2], kept=int(fields[3]),
                            keys=tuple(fields[4].split(",")) if fields[4] else (), id_json=fields[5])
    except ValueError:
        raise NearDupFailure(f"protocol: a document line with a bad number: {line[:200]!r}") from None


def document_position(line):
    return int(line.split("\t", 2)[1])


def document_group(line):
    return line.split("\t", 3)[2]


def document_id_json(line):
    return line.split("\t", 6)[5]


def without_band_keys(line):
    """A `D` line with its KEYS field emptied."""
    fields = line.split("\t", 5)
    fields[4] = ""
    return "\t".join(fields)


def band_entries(document):
    """(band key, position) for each band key of a document that takes part in candidate search."""
    position, line = document
    parsed = parse_document_line(line)
    if parsed.kept <= 0:
        return []
    try:
        return [(int(key, 16), position) for key in parsed.keys]
    except ValueError:
        raise NearDupFailure(f"protocol: band keys must be hexadecimal: {line[:200]!r}") from None


def hub_pairs(positions):
    """The candidate pairs of one band run: the smallest position paired with each other."""
    ordered = sorted(set(positions))
    hub = ordered[0]
    return [(hub, other) for other in ordered[1:]]


def verify_block(hub, entries):
    """The lines of one verify block.

    `entries` mixes (position, D line) for the hub and its candidates with (other, None) for
    each pair: the hub's line, then the others' lines, then one P line per pair, then B.
    """
    hub_line = None
    others = {}
    pair_ends = []
    for position, line in entries:
        if line is None:
            pair_ends.append(position)
        elif position == hub:
            hub_line = line
        else:
            others[position] = line
    if hub_line is None:
        raise NearDupFailure(f"internal: the candidate pairs of position {hub} lost its document")
    lines = [hub_line]
    lines += [others[position] for position in sorted(others)]
    lines += [f"P\t{hub}\t{other}" for other in sorted(pair_ends)]
    lines.append("B")
    return lines


def parse_edge_line(line):
    """(first, second, the line) of an `E` line."""
    fields = line.split("\t", 3)
    if len(fields) != 4 or fields[0] != "E":
        raise NearDupFailure(f"protocol: expected E\\tFIRST\\tSECOND\\tOVERLAP, got {line[:200]!r}")
    try:
        return int(fields[1]), int(fields[2]), line
    except ValueError:
        raise NearDupFailure(f"protocol: an edge line with a bad position: {line[:200]!r}") from None


def resolve_block(entries):
    """The lines of one resolve block.

    `entries` mixes (0, position, D line) for members with (1, (first, second), E line) for
    edges: members by position, then edges by their ends, then B.
    """
    members = sorted((key, line) for kind, key, line in entries if kind == 0)
    edges = sorted((key, line) for kind, key, line in entries if kind == 1)
    return [line for _, line in members] + [line for _, line in edges] + ["B"]


def parse_assignment_line(line):
    """(position, (representative, similarity text)) of an `A` line."""
    fields = line.split("\t")
    if len(fields) != 4 or fields[0] != "A":
        raise NearDupFailure(f"protocol: expected A\\tPOSITION\\tREPRESENTATIVE\\tSIMILARITY, got {line[:200]!r}")
    try:
        return int(fields[1]), (int(fields[2]), fields[3])
    except ValueError:
        raise NearDupFailure(f"protocol: an assignment line with a bad position: {line[:200]!r}") from None


def csv_field(text):
    if any(character in text for character in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def assignment_line(id_json, cluster, representative_json, similarity, output_format="jsonl"):
    """One output line without its line feed, as `neardup cluster` writes it."""
    if output_format == "csv":
        return ",".join((csv_field(json.loads(id_json)), str(cluster),
                         csv_field(json.loads(representative_json)), similarity))
    return f'{{"id": {id_json}, "cluster": {cluster}, "representative": {representative_json}, "similarity": {similarity}}}'


def id_key(id_json):
    """Ids compare as neardup's do: canonically equivalent Unicode is the same id."""
    return unicodedata.normalize("NFC", id_json)


def swift_quoted(text):
    """`text` quoted and escaped as neardup's messages show an id."""
    escaped = []
    for character in text:
        code = ord(character)
        if character in "\\'\"":
            escaped.append("\\" + character)
        elif 0x20 <= code < 0x7F or code >= 0x80:
            escaped.append(character)
        elif character == "\0":
            escaped.append("\\0")
        elif character == "\n":
            escaped.append("\\n")
        elif character == "\r":
            escaped.append("\\r")
        elif character == "\t":
            escaped.append("\\t")
        else:
            escaped.append(f"\\u{{{code:02X}}}")
    return '"' + "".join(escaped) + '"'


def counted(number, noun):
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def skipped_report(count, examples, what):
    """`skipped N ... records` and the first examples, as `neardup cluster` reports them."""
    if count == 0:
        return []
    shown = f" (the first {len(examples)} follow)" if len(examples) < count else ""
    return [f"skipped {count} {what} {'record' if count == 1 else 'records'}{shown}", *examples]


def summary_line(documents, clusters, copies):
    return (f"{counted(documents, 'document')} read, {counted(clusters, 'cluster')}, "
            f"{counted(copies, 'document')} {'is a copy' if copies == 1 else 'are copies'}")


def stable_hash(text):
    """The same on every executor, unlike Python's hash of a string."""
    return zlib.crc32(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------
# Running a stage command on a partition


def pipe_lines(command, stage, lines, expectation=None, counters=None):
    """Pipes `lines` through `command` (a `neardup stage STAGE` command) and yields its lines.

    The input is written from a second thread while the output is read, so neither pipe
    fills up and stalls the other however large the partition. A non-zero exit fails the
    task with the binary's standard error. `expectation` checks the output count: "same"
    (one line per input line) or "documents" (one line per D line of the input).
    `counters.add(records in, bytes in, records out, bytes out)` hears what went through.
    """
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return  # no process for an empty partition
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = {"records": 0, "bytes": 0, "documents": 0}
    writer_failure = []
    stderr_tail = deque(maxlen=64)

    def feed():
        try:
            for line in chain((first,), lines):
                data = line.encode("utf-8") + b"\n"
                sent["records"] += 1
                sent["bytes"] += len(data)
                if line.startswith("D\t"):
                    sent["documents"] += 1
                process.stdin.write(data)
        except BrokenPipeError:
            pass  # the binary stopped reading; its exit status and message tell why
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            writer_failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain_stderr():
        for raw in process.stderr:
            stderr_tail.append(raw.decode("utf-8", "replace").rstrip("\n"))

    writer = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=drain_stderr, daemon=True)
    writer.start()
    reader.start()
    received_records = received_bytes = 0
    try:
        for raw in process.stdout:
            received_records += 1
            received_bytes += len(raw)
            try:
                yield raw.rstrip(b"\n").decode("utf-8")
            except UnicodeDecodeError:
                raise NearDupFailure(f"protocol: neardup stage {stage} wrote a line that is not UTF-8") from None
        writer.join()
        status = process.wait()
        reader.join()
    finally:
        if process.poll() is None:  # the task was stopped early, or failed
            process.kill()
            process.wait()
        writer.join(timeout=60)
        reader.join(timeout=60)
        process.stdout.close()
        process.stderr.close()
    if writer_failure:
        raise writer_failure[0]
    if status != 0:
        message = "\n".join(line for line in stderr_tail if line.strip())
        if message.startswith("neardup: "):
            message = message[len("neardup: "):]
        if status in (EXIT_USAGE, EXIT_DATA):
            raise NearDupFailure(message, status)
        raise NearDupFailure(f"neardup stage {stage} exited with status {status}: {message}",
                             status if status in (EXIT_NO_INPUT, EXIT_CANNOT_WRITE) else EXIT_INTERNAL)
    if expectation == "same" and received_records != sent["records"]:
        raise NearDupFailure(f"protocol: neardup stage {stage} wrote {received_records} lines for {sent['records']}")
    if expectation == "documents" and received_records != sent["documents"]:
        raise NearDupFailure(f"protocol: neardup stage {stage} wrote {received_records} assignments "
                             f"for {sent['documents']} documents")
    if counters is not None:
        counters.add(sent["records"], sent["bytes"], received_records, received_bytes)


class StageCounters:
    """What went through one stage command, summed over all tasks."""

    def __init__(self, spark_context):
        self.records_in = spark_context.accumulator(0)
        self.bytes_in = spark_context.accumulator(0)
        self.records_out = spark_context.accumulator(0)
        self.bytes_out = spark_context.accumulator(0)

    def add(self, records_in, bytes_in, records_out, bytes_out):
        self.records_in.add(records_in)
        self.bytes_in.add(bytes_in)
        self.records_out.add(records_out)
        self.bytes_out.add(bytes_out)


def stage_runner(binary_name, stage, options, expectation=None, counters=None):
    """A partition function running `neardup stage STAGE OPTIONS` from the files that
    SparkContext.addFile shipped to the executor."""
    def run_partition(lines):
        from pyspark import SparkFiles

        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        return pipe_lines([binary, "stage", stage, *options], stage, lines, expectation, counters)
    return run_partition


# ---------------------------------------------------------------------------------------
# Connected components


def large_star(node, neighbours):
    """Links each larger neighbour of `node` to the smallest node of its neighbourhood.

    Returns the new edges, (larger, smaller), and whether they differ from the edges from
    `node` to its larger neighbours that they replace.
    """
    neighbours = set(neighbours)
    smallest = min(min(neighbours), node)
    larger = [neighbour for neighbour in neighbours if neighbour > node]
    return [(neighbour, smallest) for neighbour in larger], bool(larger) and smallest != node


def small_star(node, smaller_neighbours):
    """Links `node` and its smaller neighbours to the smallest of them.

    Returns the new edges, (larger, smaller), and whether they differ from the edges from
    `node` to its smaller neighbours that they replace.
    """
    members = set(smaller_neighbours)
    changed = len(members) > 1
    members.add(node)
    smallest = min(members)
    return [(member, smallest) for member in members if member != smallest], changed


def connected_components(edges, partitions, on_round=None):
    """(node, label) for every node of `edges`, an RDD of (u, v) pairs of ints: the label
    is the smallest node of the node's component.

    Large-star and small-star rounds (Kiveris et al., "Connected Components in MapReduce and
    Beyond", 2014) until a round changes nothing; each edge is kept as (larger, smaller), and
    at the end every edge joins a node to its component's smallest node. Each edge belongs
    to one node in each step, so a round that changed no node's edges changed nothing: two
    accumulators tell it without comparing the edge sets, and a round is one Spark job.
    Also returns the persisted RDD the labels are read from, to unpersist once they are stored.
    """
    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK
    context = edges.context
    current = (edges.filter(lambda edge: edge[0] != edge[1])
               .map(lambda edge: (max(edge), min(edge)))
               .distinct(partitions)
               .persist(keep))
    rounds = 0
    while True:
        rounds += 1
        changes = context.accumulator(0)

        def counted(step):
            def run(group):
                new_edges, changed = step(group[0], group[1])
                if changed:
                    changes.add(1)
                return new_edges
            return run

        after = (current.flatMap(lambda edge: (edge, (edge[1], edge[0])))
                 .groupByKey(partitions)
                 .flatMap(counted(large_star))
                 .groupByKey(partitions)
                 .flatMap(counted(small_star))
                 .persist(keep))
        after.count()
        current.unpersist()
        current = after
        if on_round is not None:
            on_round(rounds)
        if changes.value == 0:
            break
    labels = current.union(current.map(lambda edge: (edge[1], edge[1]))).reduceByKey(min, partitions)
    return labels, current


# ---------------------------------------------------------------------------------------
# The driver


@dataclass
class StageReport:
    name: str
    seconds: float = 0.0
    records_in: int = 0
    bytes_in: int = 0
    records_out: int = 0
    bytes_out: int = 0
    shuffle_bytes: int = -1  # -1: unknown
    note: str = ""


class Driver:
    def __init__(self, settings, spark_context, binary_path):
        self.settings = settings
        self.sc = spark_context
        self.binary_name = os.path.basename(binary_path)
        self.partitions = settings.partitions or default_partitions(spark_context, settings.inputs)
        self.reports = []
        self.document_count = 0
        self.duplicate_count = 0
        self.skipped_lines = []
        self.summary = ""
        self.keep = None  # the storage level of what later stages read again, set by run()
        spark_context.addFile(binary_path)
        # The worker processes import this module for the functions they run.
        spark_context.addPyFile(os.path.abspath(__file__))

    # The binary's options for every stage; sketch always skips invalid records and reports
    # them as X lines, so that the driver can name the first one in input order, as
    # `neardup cluster` does, whatever the partitioning.
    def runner(self, stage, expectation=None, counters=None):
        options = list(self.settings.stage_options)
        if stage == "sketch":
            options.append("--skip-invalid")
        return stage_runner(self.binary_name, stage, options, expectation, counters)

    def timed(self, name, job_group=True):
        driver = self

        class Timer:
            def __enter__(self):
                self.report = StageReport(name)
                self.start = time.monotonic()
                if job_group:
                    driver.sc.setJobGroup("neardup-" + name, name)
                return self.report

            def __exit__(self, *exc):
                self.report.seconds = time.monotonic() - self.start
                self.report.shuffle_bytes = driver.shuffle_bytes("neardup-" + name)
                driver.reports.append(self.report)
                return False

        return Timer()

    def shuffle_bytes(self, group):
        """Bytes Spark's jobs of `group` wrote to shuffles, from its status store; -1 if unknown."""
        try:
            tracker = self.sc.statusTracker()
            stage_ids = set()
            for job_id in tracker.getJobIdsForGroup(group):
                info = tracker.getJobInfo(job_id)
                if info is not None:
                    stage_ids.update(info.stageIds)
            store = self.sc._jsc.sc().statusStore()
            total = 0
            for stage_id in stage_ids:
                try:
                    attempts = store.stageData(stage_id, False, None, False, None)
                except Exception:  # noqa: BLE001 - a stage skipped for a reused shuffle has no data
                    continue
                for attempt_index in range(attempts.size()):
                    total += attempts.apply(attempt_index).shuffleWriteBytes()
            return total
        except Exception:  # noqa: BLE001 - an internal Spark API; the report says unknown
            return -1

    # -- reading

    def numbered_records(self):
        """(position, file index, line, record) for every non-blank line of the inputs.

        Positions count lines across all inputs in order (blank lines leave gaps) and lines
        count within each file from 1. One pass counts the lines of every partition: each
        partition then numbers its own lines from where the ones before it end.
        """
        paths = self.settings.inputs
        files = [self.sc.textFile(hadoop_glob_escape(path), minPartitions=self.partitions) for path in paths]
        file_of_partition = [index for index, lines in enumerate(files) for _ in range(lines.getNumPartitions())]
        lines = self.sc.union(files)
        sizes = dict(lines.mapPartitionsWithIndex(lambda index, part: [(index, sum(1 for _ in part))]).collect())
        partition_start, file_start = [], {}
        total = 0
        for index, file_index in enumerate(file_of_partition):
            partition_start.append(total)
            file_start.setdefault(file_index, total)
            total += sizes.get(index, 0)

        def number(index, part):
            file_index = file_of_partition[index]
            first_line = partition_start[index] - file_start[file_index] + 1
            for offset, text in enumerate(part):
                line = first_line + offset
                if line == 1 and text.startswith("\ufeff"):
                    text = text[1:]
                if is_blank(text):
                    continue
                # Lines are split at line feeds only; a CRLF line end leaves its CR.
                yield partition_start[index] + offset, file_index, line, text.rstrip("\r")

        return lines.mapPartitionsWithIndex(number)

    def places(self, records, positions):
        """{position: (file index, line)} for a few positions."""
        wanted = frozenset(positions)
        found = records.filter(lambda item: item[0] in wanted).map(lambda item: (item[0], (item[1], item[2]))).collect()
        return dict(found)

    def place_text(self, place):
        return f"{self.settings.inputs[place[0]]}:{place[1]}"

    # -- the stages

    def run(self):
        """Runs every stage and writes the output; `summary` and `skipped_lines` then tell
        what happened."""
        from pyspark import StorageLevel

        self.keep = StorageLevel.MEMORY_AND_DISK
        records, sketched, kinds = self.sketch()
        documents = sketched.filter(lambda item: item[0] == "D").map(lambda item: (item[1], item[2]))
        invalid = sketched.filter(lambda item: item[0] == "X").map(lambda item: (item[1], item[2]))
        duplicates = self.find_duplicate_ids(documents, kinds)
        self.check_records(records, documents, invalid, kinds.get("X", 0), duplicates)
        documents = self.learn_furniture(documents, duplicates)
        sketched.unpersist()
        duplicates.unpersist()
        pairs = self.candidate_pairs(documents)
        # Verification and resolution need no band keys: a fifth of what each line carries.
        keyless = documents.mapValues(without_band_keys)
        verified, edge_count = self.verify(keyless, pairs)
        pairs.unpersist()
        edges = verified.filter(lambda item: item[0] == "E").map(lambda item: item[1])
        labels, member_count = self.components(edges, edge_count)
        assignments = self.resolve(keyless, edges, labels, member_count)
        verified.unpersist()
        labels.unpersist()
        with self.timed("output") as report:
            cluster_count, copies = self.write_output(documents, assignments)
            report.records_out = self.document_count
        assignments.unpersist()
        documents.unpersist()
        self.summary = summary_line(self.document_count, cluster_count, copies)

    def sketch(self):
        """The numbered records, and the sketch stage's lines, ("D", position, line) and
        ("X", position, message), with how many there are of each kind."""
        paths = self.settings.inputs
        with self.timed("sketch") as report:
            records = self.numbered_records()
            if records.getNumPartitions() < self.partitions:
                # A gzip file is one partition: spread its records before the costly stage.
                records = records.repartition(self.partitions)
            counters = StageCounters(self.sc)
            sketched = (records
                        .map(lambda item: sketch_input_line(item[0], item[2], paths[item[1]], item[3]))
                        .mapPartitions(self.runner("sketch", "same", counters))
                        .map(classify_sketch_line)
                        .persist(self.keep))
            kinds = sketched.map(lambda item: item[0]).countByValue()
            fill_counters(report, counters)
        return records, sketched, kinds

    def find_duplicate_ids(self, documents, kinds):
        """(later position, first position) for each document whose id an earlier one has."""
        with self.timed("ids") as report:
            duplicates = (documents.map(lambda document: (id_key(document_id_json(document[1])), document[0]))
                          .groupByKey(self.partitions)
                          .flatMap(later_occurrences)
                          .persist(self.keep))
            duplicate_count = duplicates.count()
            report.records_in = kinds.get("D", 0)
            report.records_out = duplicate_count
            report.note = f"{duplicate_count} duplicate ids"
        self.duplicate_count = duplicate_count
        return duplicates

    def check_records(self, records, documents, invalid, invalid_count, duplicates):
        """Stops at the first invalid record or duplicate id in input order, as `neardup
        cluster` does, unless they are to be skipped; then `skipped_lines` reports them."""
        settings = self.settings
        # (position, message) of the first invalid records, in input order.
        invalid_examples = []
        if invalid_count:
            invalid_examples = invalid.takeOrdered(EXAMPLE_LIMIT if settings.skip_invalid else 1)
        duplicate_examples = []
        if self.duplicate_count:
            shown = duplicates.takeOrdered(EXAMPLE_LIMIT if settings.dedupe_ids else 1)
            places = self.places(records, [position for pair in shown for position in pair])
            wanted = frozenset(later for later, _ in shown)
            ids = dict(documents.filter(lambda document: document[0] in wanted)
                       .map(lambda document: (document[0], document_id_json(document[1]))).collect())
            duplicate_examples = [
                (later, f"{self.place_text(places[later])}: duplicate id "
                                f"{swift_quoted(json.loads(ids[later]))} (first at {self.place_text(places[first])})")
                for later, first in shown]
        errors = []
        if invalid_count and not settings.skip_invalid:
            errors.append(invalid_examples[0])
        if self.duplicate_count and not settings.dedupe_ids:
            errors.append(duplicate_examples[0])
        if errors:
            raise NearDupFailure(min(errors)[1], EXIT_DATA)
        self.skipped_lines = (
            skipped_report(invalid_count, [message for _, message in invalid_examples], "invalid")
            + skipped_report(self.duplicate_count, [message for _, message in duplicate_examples], "duplicate-id"))

    def learn_furniture(self, documents, duplicates):
        """The documents without skipped duplicates, those of a source passed through the
        furniture stage source by source, keyed by position and kept for the later stages."""
        partitions = self.partitions
        with self.timed("furniture") as report:
            if self.duplicate_count:
                documents = documents.subtractByKey(duplicates, partitions)
            grouped = documents.filter(lambda document: document_group(document[1]) != "-")
            counters = StageCounters(self.sc)
            # Sorted by (source, position): each source's documents together, in input order.
            furnished = (grouped
                         .map(lambda document: ((document_group(document[1]), document[0]), document[1]))
                         .repartitionAndSortWithinPartitions(partitions, lambda key: stable_hash(key[0]))
                         .values()
                         .mapPartitions(self.runner("furniture", "same", counters))
                         .map(lambda line: (document_position(line), line)))
            ungrouped = documents.filter(lambda document: document_group(document[1]) == "-")
            documents = furnished.union(ungrouped).partitionBy(partitions).persist(self.keep)
            self.document_count = documents.count()
            fill_counters(report, counters)
        return documents

    def candidate_pairs(self, documents):
        """(hub, other) pairs: in each run of documents sharing a band key, the smallest
        position paired with each other one."""
        with self.timed("candidates") as report:
            longest_run = self.sc.accumulator(0, MaxAccumulatorParam())
            entry_count = self.sc.accumulator(0)

            def counted_entries(document):
                found = band_entries(document)
                entry_count.add(len(found))
                return found

            def run_pairs(group):
                positions = list(group[1])
                longest_run.add(len(positions))
                return hub_pairs(positions) if len(positions) > 1 else []

            pairs = (documents.flatMap(counted_entries)
                     .groupByKey(self.partitions)
                     .flatMap(run_pairs)
                     .distinct(self.partitions)
                     .persist(self.keep))
            report.records_out = pairs.count()
            report.records_in = entry_count.value
            report.note = f"longest band run {longest_run.value}"
        return pairs

    def verify(self, documents, pairs):
        """The verify stage's lines, ("E", (first, second, line)) and ("U", None), over a
        block per hub (or per part of a hub with more than --block-candidates candidates):
        its document, its candidates' documents and its pairs. Verification is pair by pair,
        so how pairs are shared out among blocks does not change what it finds."""
        partitions = self.partitions
        with self.timed("verify") as report:
            counters = StageCounters(self.sc)
            limit = self.settings.block_candidates
            # The few hubs with more candidates than a block takes, and their blocks' count.
            parts_of = self.sc.broadcast(
                pairs.mapValues(lambda _: 1).reduceByKey(lambda a, b: a + b, partitions)
                .filter(lambda item: item[1] > limit)
                .mapValues(lambda count: -(-count // limit))
                .collectAsMap())

            def block_of(hub, other):
                return hub, other % parts_of.value.get(hub, 1)

            # Each block needs its hub's line and each candidate's: ask for them by position.
            requests = pairs.map(lambda pair: (pair[1], block_of(*pair))).union(
                pairs.keys().distinct(partitions).flatMap(
                    lambda hub: [(hub, (hub, part)) for part in range(parts_of.value.get(hub, 1))]))
            lines_in_blocks = requests.join(documents, partitions).map(
                lambda item: (item[1][0], (item[0], item[1][1])))
            pair_ends = pairs.map(lambda pair: (block_of(*pair), (pair[1], None)))
            verified = (lines_in_blocks.union(pair_ends)
                        .groupByKey(partitions)
                        .flatMap(lambda group: verify_block(group[0][0], group[1]))
                        .mapPartitions(self.runner("verify", None, counters))
                        .map(classify_verify_line)
                        .persist(self.keep))
            kinds = verified.map(lambda item: item[0]).countByValue()
            fill_counters(report, counters)
            split = len(parts_of.value)
            report.note = (f"{kinds.get('E', 0)} copy edges, {kinds.get('U', 0)} bundle relations"
                           + (f", {split} {'hub' if split == 1 else 'hubs'} verified in parts" if split else ""))
            parts_of.unpersist()
        return verified, kinds.get("E", 0)

    def components(self, edges, edge_count):
        """(position, label) for every document with a copy edge, and how many there are."""
        with self.timed("components") as report:
            rounds = []
            labels, held = connected_components(edges.map(lambda edge: (edge[0], edge[1])), self.partitions, rounds.append)
            labels = labels.persist(self.keep)
            member_count = labels.count()
            held.unpersist()
            report.records_in = edge_count
            report.records_out = member_count
            report.note = f"{len(rounds)} rounds"
        return labels, member_count

    def resolve(self, documents, edges, labels, member_count):
        """(position, (representative, similarity)) for every document in a component,
        from a block per component: its documents, then its edges."""
        partitions = self.partitions
        with self.timed("resolve") as report:
            counters = StageCounters(self.sc)
            member_lines = labels.join(documents, partitions).map(
                lambda item: (item[1][0], (0, item[0], item[1][1])))
            edge_lines = edges.map(lambda edge: (edge[0], edge)).join(labels, partitions).map(
                lambda item: (item[1][1], (1, (item[1][0][0], item[1][0][1]), item[1][0][2])))
            assignments = (member_lines.union(edge_lines)
                           .groupByKey(partitions)
                           .flatMap(lambda group: resolve_block(group[1]))
                           .mapPartitions(self.runner("resolve", "documents", counters))
                           .map(parse_assignment_line)
                           .persist(self.keep))
            assignment_count = assignments.count()
            fill_counters(report, counters)
        if assignment_count != member_count:
            raise NearDupFailure(f"protocol: resolve assigned {assignment_count} documents of {member_count} in components")
        return assignments

    def write_output(self, documents, assignments):
        """Writes every document's line; returns (clusters of 2+, documents that are copies).

        Resolve may split a component into several clusters: a cluster is the documents
        sharing a representative, and its number follows the order of the clusters'
        smallest positions, singletons included.
        """
        from pyspark import StorageLevel

        partitions = self.partitions
        output_format = self.settings.output_format
        keep = StorageLevel.MEMORY_AND_DISK
        ids = documents.mapValues(document_id_json)
        # (representative, (smallest position, size)) of each cluster that resolve formed.
        clusters = (assignments.map(lambda item: (item[1][0], (item[0], 1)))
                    .reduceByKey(lambda a, b: (min(a[0], b[0]), a[1] + b[1]), partitions)
                    .persist(keep))
        sizes = clusters.filter(lambda item: item[1][1] > 1).map(lambda item: item[1][1])
        cluster_count, copies = sizes.map(lambda size: (1, size - 1)).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        representatives = clusters.join(ids, partitions).map(
            lambda item: (item[0], (item[1][0][0], item[1][1])))  # (representative, (key, its id))
        # (position, (cluster key, representative's id, similarity)) for component members.
        member_rows = (assignments.map(lambda item: (item[1][0], (item[0], item[1][1])))
                       .join(representatives, partitions)
                       .map(lambda item: (item[1][0][0], (item[1][1][0], item[1][1][1], item[1][0][1]))))

        def row(item):
            position, (id_json, member) = item
            if member is None:
                return position, (id_json, position, id_json, "1.0000")
            key, representative_json, similarity = member
            return position, (id_json, key, representative_json, similarity)

        rows = ids.leftOuterJoin(member_rows, partitions).map(row).persist(keep)
        numbers = (rows.map(lambda item: item[1][1]).distinct(partitions)
                   .sortBy(lambda key: key, numPartitions=partitions)
                   .zipWithIndex())
        lines = (rows.map(lambda item: (item[1][1], (item[0], item[1][0], item[1][2], item[1][3])))
                 .join(numbers, partitions)
                 .map(lambda item: (item[1][0][0], assignment_line(
                     item[1][0][1], item[1][1], item[1][0][2], item[1][0][3], output_format)))
                 .sortByKey(numPartitions=partitions)
                 .values())
        if output_format == "csv":
            header = "id,cluster,representative,similarity"
            lines = lines.mapPartitionsWithIndex(
                lambda index, part: chain([header], part) if index == 0 else part)
        save_text(self.sc, lines, self.settings.output, self.settings.overwrite)
        rows.unpersist()
        clusters.unpersist()
        return cluster_count, copies


def classify_sketch_line(line):
    """("D", position, line) or ("X", position, message)."""
    if line.startswith("D\t"):
        return "D", document_position(line), line
    if line.startswith("X\t"):
        fields = line.split("\t", 2)
        return "X", int(fields[1]), fields[2]
    raise NearDupFailure(f"protocol: neardup stage sketch wrote neither a D nor an X line: {line[:200]!r}")


def classify_verify_line(line):
    if line.startswith("E\t"):
        return "E", parse_edge_line(line)
    if line.startswith("U\t"):
        return "U", None
    raise NearDupFailure(f"protocol: neardup stage verify wrote neither an E nor a U line: {line[:200]!r}")


def later_occurrences(group):
    """(later position, first position) for each document whose id an earlier one has."""
    positions = sorted(group[1])
    return [(later, positions[0]) for later in positions[1:]]


def fill_counters(report, counters):
    report.records_in = counters.records_in.value
    report.bytes_in = counters.bytes_in.value
    report.records_out = counters.records_out.value
    report.bytes_out = counters.bytes_out.value


def hadoop_glob_escape(path):
    """`path` with Hadoop's glob characters escaped, so a file name like a[1].jsonl reads as itself."""
    return re.sub(r"([*?\[\]{}\\])", r"\\\1", path)


try:
    from pyspark.accumulators import AccumulatorParam
except ImportError:  # the pure helpers above work without PySpark
    AccumulatorParam = object


class MaxAccumulatorParam(AccumulatorParam):
    def zero(self, value):
        return 0

    def addInPlace(self, first, second):
        return max(first, second)


def hadoop_path(spark_context, path):
    jvm = spark_context._jvm
    hadoop = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop, hadoop.getFileSystem(spark_context._jsc.hadoopConfiguration())


def check_inputs_exist(spark_context, paths):
    for path in paths:
        hadoop, filesystem = hadoop_path(spark_context, path)
        if not filesystem.exists(hadoop):
            raise NearDupFailure(f"{path}: cannot open: no such file", EXIT_NO_INPUT)
        if filesystem.getFileStatus(hadoop).isDirectory():
            raise NearDupFailure(f"{path}: is a folder: give the JSON Lines files themselves", EXIT_NO_INPUT)


def check_output(spark_context, output, overwrite, inputs=()):
    hadoop, filesystem = hadoop_path(spark_context, output)
    # OUT is replaced whole: it must not be, or hold, an input, even with --overwrite.
    target = filesystem.makeQualified(hadoop).toString().rstrip("/")
    for path in inputs:
        source, source_filesystem = hadoop_path(spark_context, path)
        qualified = source_filesystem.makeQualified(source).toString()
        if qualified == target or qualified.startswith(target + "/"):
            raise NearDupFailure(f"{output}: is or holds the input {path}: give another --output", EXIT_USAGE)
    if filesystem.exists(hadoop) and not overwrite:
        status = filesystem.getFileStatus(hadoop)
        if not status.isDirectory() or len(filesystem.listStatus(hadoop)) > 0:
            raise NearDupFailure(f"{output}: exists and is not an empty folder (--overwrite replaces it)", EXIT_CANNOT_WRITE)


def save_text(spark_context, lines, output, overwrite):
    """Writes the part files beside OUT and moves them into place when all are written."""
    hadoop, filesystem = hadoop_path(spark_context, output)
    staging_name = output.rstrip("/") + ".in-progress-" + spark_context.applicationId
    staging, _ = hadoop_path(spark_context, staging_name)
    try:
        lines.saveAsTextFile(staging_name)
        if filesystem.exists(hadoop):
            status = filesystem.getFileStatus(hadoop)
            if status.isDirectory() and len(filesystem.listStatus(hadoop)) > 0 and not overwrite:
                raise NearDupFailure(f"{output}: was written by another program meanwhile; the result is in {staging_name}",
                                     EXIT_CANNOT_WRITE)
            filesystem.delete(hadoop, True)
        if not filesystem.rename(staging, hadoop):
            raise NearDupFailure(f"{output}: cannot move {staging_name} there", EXIT_CANNOT_WRITE)
    except BaseException:
        if filesystem.exists(staging) and filesystem.exists(hadoop):
            filesystem.delete(staging, True)
        raise


def read_stage_options(binary):
    """Which options of the binary's stage commands take values, from `stage sketch --help`."""
    try:
        completed = subprocess.run([binary, "stage", "sketch", "--help"], capture_output=True, timeout=60)
    except OSError as error:
        raise NearDupFailure(f"cannot run {binary}: {error.strerror}", EXIT_USAGE) from None
    if completed.returncode != 0:
        raise NearDupFailure(f"{binary} has no `stage` commands: build NearDup with them (swift build -c release)", EXIT_USAGE)
    return value_options_from_help(completed.stdout.decode("utf-8", "replace"))


def check_stage_options(binary, options):
    """Runs the sketch stage on no input so that bad options fail now, before Spark starts."""
    completed = subprocess.run([binary, "stage", "sketch", *options, "--skip-invalid"],
                               input=b"", capture_output=True, timeout=60)
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        if message.startswith("neardup: "):
            message = message[len("neardup: "):]
        raise NearDupFailure(message or f"neardup stage sketch exited with status {completed.returncode}", EXIT_USAGE)


def stats_lines(reports, documents):
    """The --stats table: per stage its wall time, the lines sent to and read from the binary
    (for the stages without one, the records in and out), and the bytes Spark wrote to
    shuffles; then the same bytes per document."""
    def number(value):
        return "?" if value < 0 else str(value)

    per = max(documents, 1)
    lines = [f"{'stage':<11} {'seconds':>7} {'records in':>11} {'bytes in':>11} {'records out':>11} "
             f"{'bytes out':>11} {'shuffled':>11}   bytes per document: in, out, shuffled"]
    for report in reports:
        shuffled_per = "?" if report.shuffle_bytes < 0 else f"{report.shuffle_bytes / per:.0f}"
        lines.append(
            f"{report.name:<11} {report.seconds:7.1f} {report.records_in:>11} {report.bytes_in:>11} "
            f"{report.records_out:>11} {report.bytes_out:>11} {number(report.shuffle_bytes):>11}   "
            f"{report.bytes_in / per:.0f}, {report.bytes_out / per:.0f}, {shuffled_per}"
            + (f"  ({report.note})" if report.note else ""))
    lines.append(f"{'total':<11} {sum(report.seconds for report in reports):7.1f}")
    return lines


def local_driver_memory():
    """Half of this machine's memory, in Spark's notation (at least 1g)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return "1g"
    return f"{max(1, total // 2 // (1 << 30))}g"


def default_partitions(spark_context, paths):
    """Spark's parallelism, or one partition per 32 MB of input when that is more: a few
    hundred MB in one partition make blocks that a cached stage cannot hold. A gzip file is
    counted at four times its size, about what news text inflates to."""
    total = 0
    for path in paths:
        hadoop, filesystem = hadoop_path(spark_context, path)
        size = filesystem.getFileStatus(hadoop).getLen()
        total += size * 4 if path.endswith(".gz") else size
    return max(spark_context.defaultParallelism, -(-total // PARTITION_BYTES))


def spark_context_for(settings):
    from pyspark import SparkConf, SparkContext

    here = os.path.dirname(os.path.abspath(__file__))
    conf = SparkConf().setAppName("neardup").setMaster(settings.master)
    conf.set("spark.ui.showConsoleProgress", "false")
    logging_config = os.path.join(here, "log4j2.properties")
    if os.path.exists(logging_config):
        conf.set("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{logging_config}")
    if settings.master.startswith("local"):
        # Locally the driver's heap holds every executor's cached partitions: Spark's 1 GiB
        # runs out near 100,000 news articles. Half the machine's memory, unless --conf says.
        conf.set("spark.driver.memory", local_driver_memory())
    for setting in settings.spark_conf:
        key, _, value = setting.partition("=")
        conf.set(key, value)
    if settings.master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local workers run this same Python, with PySpark.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    context = SparkContext(conf=conf)
    context.setLogLevel("WARN")
    # Records end at line feeds only, as for neardup: a lone CR stays in its line.
    context._jsc.hadoopConfiguration().set("textinputformat.record.delimiter", "\n")
    return context


def main(arguments):
    if "-h" in arguments or "--help" in arguments:
        sys.stdout.write(USAGE)
        return 0
    try:
        neardup = None
        # The binary's help says which of its options take values; find it first.
        for index, argument in enumerate(arguments):
            if argument == "--neardup" and index + 1 < len(arguments):
                neardup = arguments[index + 1]
            elif argument.startswith("--neardup="):
                neardup = argument.split("=", 1)[1]
        binary = neardup or default_binary()
        value_options = KNOWN_VALUE_OPTIONS
        if binary and os.access(binary, os.X_OK):
            value_options = value_options | read_stage_options(binary)
        settings = parse_arguments(arguments, value_options)
        if settings is None:
            sys.stdout.write(USAGE)
            return 0
        if not binary:
            raise UsageError("no neardup binary: build it (swift build -c release) or give --neardup PATH")
        if not os.access(binary, os.X_OK):
            raise UsageError(f"{binary}: not an executable file (--neardup)")
        check_stage_options(binary, settings.stage_options)
    except NearDupFailure as failure:
        print(f"{PROGRAM}: {failure.message}", file=sys.stderr)
        return failure.status

    spark_context = None
    try:
        spark_context = spark_context_for(settings)
        check_inputs_exist(spark_context, settings.inputs)
        check_output(spark_context, settings.output, settings.overwrite, settings.inputs)
        driver = Driver(settings, spark_context, os.path.abspath(binary))
        driver.run()
        for line in driver.skipped_lines:
            print(line, file=sys.stderr)
        print(driver.summary, file=sys.stderr)
        if settings.stats:
            for line in stats_lines(driver.reports, driver.document_count):
                print(line, file=sys.stderr)
        return 0
    except NearDupFailure as failure:
        print(f"{PROGRAM}: {failure.message}", file=sys.stderr)
        return failure.status
    except Exception as error:  # noqa: BLE001 - Spark wraps executor failures in its own errors
        failure = failure_from_spark_error(str(error))
        if failure is None:
            raise
        print(f"{PROGRAM}: {failure.message}", file=sys.stderr)
        return failure.status
    finally:
        if spark_context is not None:
            spark_context.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
