#!/usr/bin/env python3
"""Engine instructions per document, counted by callgrind: a figure that does
not move with the machine's speed (a shared VM's CPU time can differ by a
third from one minute to the next), for comparing two builds.

    tests/bench/engine_instructions.py build/tests/bench/bench_engine [memory|database]

Runs `bench_engine --profile N` for 10 and 20 documents under callgrind (one
output per thread), and takes the difference, so start-up work drops out.
The simulated provider's own work (SimulatedProvider::reply, the JSON the
agents dictate to it: SimulatedReplies::*) is taken out of the engine
thread's count, as bench_engine a does with CPU time. Needs valgrind."""
import glob, os, re, subprocess, sys, tempfile

SIMULATOR = re.compile(r"Madf::SimulatedProvider::reply\(|Madf::SimulatedLlmCall::SimulatedLlmCall\("
                       r"|Madf::SimulatedReplies::[A-Za-z]+\(")


def counts(path):
    """(total, simulator) instructions of one callgrind output."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total, simulator = 0, 0
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)", line)
        if not m:
            continue
        n, symbol = int(m.group(1).replace(",", "")), m.group(2)
        if "PROGRAM TOTALS" in symbol:
            total = n
        elif "[" in symbol and "=>" not in symbol and "anonymous namespace" not in symbol \
                and SIMULATOR.search(symbol):
            simulator += n   # whole functions only, not call arcs or inlined copies
    return total, simulator


def run(binary, documents, mode, folder):
    base = os.path.join(folder, f"cg{documents}")
    args = [binary, "--profile", str(documents)] + (["memory"] if mode == "memory" else [])
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={base}"] + args,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    threads = sorted(glob.glob(base + "-*"))
    engine = counts(threads[0])          # thread 1: the engine (main) thread
    others = sum(counts(t)[0] for t in threads[1:])
    return engine, others


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "memory"
    with tempfile.TemporaryDirectory() as folder:
        (e10, s10), o10 = run(binary, 10, mode, folder)
        (e20, s20), o20 = run(binary, 20, mode, folder)
    engine = ((e20 - s20) - (e10 - s10)) / 10
    simulator = (s20 - s10) / 10
    others = (o20 - o10) / 10
    print(f"{mode}: engine thread {engine / 1e6:.2f} M instructions per document"
          f" (simulator {simulator / 1e6:.2f} M, ratio {engine / simulator:.2f});"
          f" other threads {others / 1e6:.2f} M")


if __name__ == "__main__":
    main()
