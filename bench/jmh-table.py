#!/usr/bin/env python3
"""Prints a Markdown table of a JMH JSON result (SampleTime mode) beside OpenFHE 1.5.1's medians (issue 3).

Usage: python3 bench/jmh-table.py results/bench-fhe.json
"""
import json
import sys

# OpenFHE 1.5.1, one thread, CKKS depth 1, Q = 60+41 bits (N=4096 BV, N=8192 hybrid P=60): medians in ms.
OPENFHE_MS = {
    ("encryptPublicKey", 4096): 1.50, ("multiplyRelinearize", 4096): 2.12, ("multiplyNoRelin", 4096): 0.29,
    ("relinearize", 4096): 1.78, ("rescale", 4096): 0.28,
    ("encryptPublicKey", 8192): 3.19, ("multiplyRelinearize", 8192): 4.35, ("multiplyNoRelin", 8192): 0.58,
    ("relinearize", 8192): 4.09, ("rescale", 8192): 0.65,
}
N_OF = {"SEARCH_N4096": 4096, "SEARCH_N8192": 8192}


def main(path):
    rows = json.load(open(path))
    print("| operation | N | median (ms) | mean (ms) | OpenFHE median (ms) | ratio |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        op = r["benchmark"].rsplit(".", 1)[1]
        n = N_OF.get(r.get("params", {}).get("preset"), "?")
        metric = r["primaryMetric"]
        factor = {"us/op": 1e-3, "ms/op": 1.0, "ns/op": 1e-6}[metric["scoreUnit"]]
        median = metric.get("scorePercentiles", {}).get("50.0", metric["score"]) * factor
        mean = metric["score"] * factor
        ref = OPENFHE_MS.get((op, n))
        ratio = f"{median / ref:.2f}" if ref else ""
        print(f"| {op} | {n} | {median:.3f} | {mean:.3f} | {ref if ref else ''} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "results/bench-fhe.json")
