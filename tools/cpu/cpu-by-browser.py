#!/usr/bin/env python3
"""CPU seconds per Chromium instance (a browser process with all its children) and per other process name,
sampled from /proc once a second until SIGTERM, then written to the JSON file named by the first argument.

    python3 tools/cpu/cpu-by-browser.py /tmp/cpu.json & sampler=$!
    dotnet test PortalApp.Tests --no-build --logger "trx;LogFileName=/tmp/run.trx"
    kill $sampler

Each test fixture launches its own Chromium, so a browser's start and end (seconds since the epoch) match it to the
test classes of the trx log that ran then. `time` cannot give this: Chromium is not reaped by the test process.
"""
import collections, json, os, signal, sys, time

TICK = os.sysconf("SC_CLK_TCK")
BOOT = time.time() - float(open("/proc/uptime").read().split()[0])
CHROMIUM = "/usr/lib/chromium/chromium"

last, browsers, browser_cpu, other = {}, {}, collections.Counter(), collections.Counter()


def write(*_):
    result = {
        "browsers": sorted(({"start": s, "end": e, "cpu": browser_cpu[r] / TICK} for r, (s, e) in browsers.items()),
                           key=lambda b: -b["cpu"]),
        "other": {name: cpu / TICK for name, cpu in other.most_common(10)},
    }
    with open(sys.argv[1], "w") as out:
        json.dump(result, out, indent=1)
    sys.exit(0)


def processes():
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{pid}/stat").read()
            cmd = open(f"/proc/{pid}/cmdline").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        found[pid] = (name, fields[1], int(fields[11]) + int(fields[12]), int(fields[19]), cmd)
    return found


signal.signal(signal.SIGTERM, write)
first = True
while True:
    procs = processes()
    now = time.time()
    for pid, (name, ppid, cpu, started, cmd) in procs.items():
        spent = cpu - last.get(pid, cpu if first else 0)
        last[pid] = cpu
        if cmd.startswith(CHROMIUM):
            root = pid
            while procs.get(procs[root][1], (None,) * 5)[4] and procs[procs[root][1]][4].startswith(CHROMIUM):
                root = procs[root][1]
            browsers.setdefault(root, [BOOT + procs[root][3] / TICK, now])[1] = now
            browser_cpu[root] += spent
        else:
            other[name] += spent
    first = False
    time.sleep(1)
