#!/usr/bin/env python3
"""Attributes a perf profile of a compare client (benchmarks/profile.sh) to the code responsible for it.

Every sample is charged to the leafmost FluentRequests frame on its stack (our method plus the framework and kernel
work it called directly), else to a bucket by what is running: the kernel's network stack, scheduling (context
switches and wake-ups), SocketsHttpHandler, the thread pool, the GC/runtime. With the client's CPU µs per request
it prints µs per request per bucket, so two clients' profiles can be compared line by line.

usage: perf script -i X.perf.data | python3 benchmarks/profile_attribute.py CPU_US_PER_REQUEST [TOP] [--sched-callers]
--sched-callers splits the kernel's scheduling time by the user-space frame that entered the kernel.
"""
import re
import sys
from collections import Counter

cpu = float(sys.argv[1])
top = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 40
ours = Counter()
buckets = Counter()
total = 0
SCHED = ("schedule", "finish_task_switch", "__x64_sys_sched_yield", "futex", "try_to_wake_up", "sock_def_readable",
         "_raw_spin_unlock_irqrestore", "irqentry_exit_to_user_mode", "exit_to_user_mode_loop")


def name(frame):
    m = re.match(r"\s*[0-9a-f]+ (.*?)(\+0x[0-9a-f]+)? \((.*)\)$", frame)
    return (m.group(1), m.group(3)) if m else (frame.strip(), "")


def bucket(frames):
    leaf, dso = frames[0]
    syms = " ".join(f for f, _ in frames)
    for f, _ in frames:
        if "[System.Net.Http]" in f or "[System.Net.Sockets]" in f:
            break  # SocketsHttpHandler's own work, even when our code called it
        if "[FluentRequests.Benchmarks]" in f:
            return "benchmark loop (timing, the next request's start up to our code)"
        if "[FluentRequests]" in f:
            if True:
                short = re.sub(r"\[OptimizedTier1\]|\[Optimized\]|\[QuickJitted\]|\[Tier0\]|\[Tier1\]", "", f)
                short = re.sub(r"^(instance )?\S+ \[FluentRequests\] ", "", short)
                short = re.sub(r"\(.*\)$", "", short)
                return "ours: " + short
    if dso == "[kernel.kallsyms]" and "--sched-callers" in sys.argv:
        user = next((f for f, d in frames if d != "[kernel.kallsyms]" and not f.startswith("__") and "libc" not in d), "?")
        if any(s in leaf for s in SCHED):
            return "kernel: scheduling, from " + re.sub(r"\(.*", "", user)[:120]
    if dso == "[kernel.kallsyms]":
        if any(s in leaf for s in SCHED) or any(any(s in f for s in ("schedule", "sched_yield", "futex")) for f, _ in frames[:12]):
            return "kernel: scheduling / wake-ups"
        return "kernel: network and syscalls"
    if "System.Net.Http" in syms:
        return "framework: SocketsHttpHandler"
    if "System.Net.Sockets" in syms:
        return "framework: sockets"
    if "ThreadPool" in syms or "PortableThreadPool" in syms or "LowLevelLifoSemaphore" in syms:
        return "framework: thread pool"
    if "libcoreclr" in dso or "libclrjit" in dso:
        return "runtime (GC, JIT, stubs)"
    if "FluentRequests.Benchmarks" in syms:
        return "benchmark loop"
    return "other: " + leaf[:80]


sample = []
for line in sys.stdin:
    if line.strip() == "":
        if sample:
            total += 1
            b = bucket([name(f) for f in sample])
            (ours if b.startswith("ours: ") else buckets)[b] += 1
        sample = []
        continue
    if line[0] in " \t":
        sample.append(line)

print(f"{total} samples; {cpu} µs/request in all")
print(f"{sum(ours.values()) / total * cpu:7.2f} µs  FluentRequests' own methods (leafmost of ours on the stack), top {top}:")
for k, v in ours.most_common(top):
    print(f"{v / total * cpu:7.2f} µs  {k[:150]}")
print("outside our code:")
for k, v in buckets.most_common(40):
    print(f"{v / total * cpu:7.2f} µs  {k}")
