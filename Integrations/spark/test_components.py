"""The Spark connected components against a union-find, on random and worst-case graphs.

Run: .venv/bin/python -m unittest test_components (from this folder).
"""

import os
import random
import sys
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import neardup_spark  # noqa: E402


def union_find_labels(edges):
    """{node: smallest node of its component} for every node of `edges`."""
    parent = {}

    def find(node):
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for u, v in edges:
        parent.setdefault(u, u)
        parent.setdefault(v, v)
        a, b = find(u), find(v)
        if a != b:
            # The smaller root wins, so each root is its component's smallest node.
            parent[max(a, b)] = min(a, b)
    return {node: find(node) for node in parent}


def random_graph(generator, nodes, edges, spread=10**9):
    names = generator.sample(range(spread), nodes)
    return [(generator.choice(names), generator.choice(names)) for _ in range(edges)]


class StarStepTests(unittest.TestCase):
    def test_large_star_links_larger_neighbours_to_the_smallest(self):
        edges, changed = neardup_spark.large_star(5, [9, 3, 7, 9])
        self.assertEqual((sorted(edges), changed), ([(7, 3), (9, 3)], True))
        edges, changed = neardup_spark.large_star(2, [9, 3])
        self.assertEqual((sorted(edges), changed), ([(3, 2), (9, 2)], False))
        self.assertEqual(neardup_spark.large_star(9, [3, 5]), ([], False))

    def test_small_star_links_the_node_and_smaller_neighbours_to_the_smallest(self):
        edges, changed = neardup_spark.small_star(9, [3, 5, 5])
        self.assertEqual((sorted(edges), changed), ([(5, 3), (9, 3)], True))
        self.assertEqual(neardup_spark.small_star(9, [3]), ([(9, 3)], False))


class ConnectedComponentsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from pyspark import SparkConf, SparkContext

        warnings.simplefilter("ignore", ResourceWarning)  # py4j's sockets, closed with the context
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        conf = (SparkConf().setMaster("local[2]").setAppName("neardup-components-test")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))
        here = os.path.dirname(os.path.abspath(__file__))
        conf.set("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{here}/log4j2.properties")
        cls.sc = SparkContext(conf=conf)
        cls.sc.setLogLevel("ERROR")
        cls.sc.addPyFile(neardup_spark.__file__)

    @classmethod
    def tearDownClass(cls):
        cls.sc.stop()

    def check(self, edges, partitions):
        labels, held = neardup_spark.connected_components(self.sc.parallelize(edges, 3), partitions)
        got = dict(labels.collect())
        held.unpersist()
        expected = union_find_labels([(u, v) for u, v in edges if u != v])
        self.assertEqual(got, expected)

    def test_random_sparse_graphs(self):
        generator = random.Random(7)
        for nodes, edge_count, partitions in [(2, 1, 1), (10, 5, 3), (60, 40, 8), (200, 150, 3), (300, 600, 2)]:
            with self.subTest(nodes=nodes, edges=edge_count, partitions=partitions):
                self.check(random_graph(generator, nodes, edge_count), partitions)

    def test_long_chain_in_shuffled_order(self):
        # A path is the slowest case: labels have to travel its whole length.
        generator = random.Random(11)
        order = generator.sample(range(1000), 120)
        edges = list(zip(order, order[1:]))
        generator.shuffle(edges)
        self.check(edges, 4)

    def test_several_stars_and_isolated_pairs(self):
        edges = [(100, leaf) for leaf in range(101, 140)] + [(5, 6), (7, 8), (8, 9), (200, 150), (150, 100)]
        self.check(edges, 2)

    def test_self_loops_and_repeated_edges_are_ignored(self):
        edges = [(1, 1), (2, 3), (3, 2), (2, 3), (4, 4), (4, 5)]
        labels, _ = neardup_spark.connected_components(self.sc.parallelize(edges), 2)
        self.assertEqual(dict(labels.collect()), {2: 2, 3: 2, 4: 4, 5: 4})

    def test_no_edges(self):
        labels, _ = neardup_spark.connected_components(self.sc.parallelize([], 2), 2)
        self.assertEqual(labels.collect(), [])


if __name__ == "__main__":
    unittest.main()
