#!/usr/bin/env python3
"""Side-by-side timings that a drifting machine cannot bias: the candidates run
in turn, round after round, so a slow minute slows them all alike.

  interleave.py run ROUNDS [--before COMMAND] NAME=COMMAND...
      Each round runs every COMMAND once (split like a shell would, run without
      one; `{round}` in it becomes the round's number); prints each NAME's
      median wall time in ms. A command that fails is an error, not a time.
      --before: a command run, untimed, before each timed one (`{name}` in it
      becomes that one's NAME), e.g. to make the work each one is timed on.
  interleave.py http ROUNDS REQUESTS NAME=PORT...
      Each round makes REQUESTS sequential HTTP requests for /small to
      127.0.0.1:PORT for every NAME in turn, each on a new TCP connection (as
      a client that does not keep connections alive); prints each NAME's median
      per-request latency in ms over the rounds.
"""
import http.client
import shlex
import statistics
import subprocess
import sys
import time


def pairs(args):
    out = []
    for a in args:
        name, sep, value = a.partition("=")
        if not sep:
            sys.exit(f"interleave.py: expected NAME=VALUE, got {a!r}")
        out.append((name, value))
    return out


def run_rounds(rounds, cmds, before=None):
    times = {name: [] for name, _ in cmds}
    for n in range(rounds):
        for name, cmd in cmds:
            if before:
                prep = shlex.split(before.replace("{name}", name).replace("{round}", str(n)))
                if subprocess.run(prep, stdout=subprocess.DEVNULL).returncode != 0:
                    sys.exit(f"interleave.py: failed: {before} (for {name})")
            argv = shlex.split(cmd.replace("{round}", str(n)))
            start = time.perf_counter()
            r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            if r.returncode != 0:
                sys.exit(f"interleave.py: failed ({r.returncode}): {cmd}")
            times[name].append(elapsed * 1000)
    for name, _ in cmds:
        print(f"{name:<16} {statistics.median(times[name]):8.2f}")


def request(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/small")
        resp = conn.getresponse()
        resp.read()
        if resp.status != 200:
            sys.exit(f"interleave.py: HTTP {resp.status} from port {port}")
    finally:
        conn.close()


def http_rounds(rounds, requests, ports):
    per_round = {name: [] for name, _ in ports}
    for _ in range(rounds):
        for name, port in ports:
            start = time.perf_counter()
            for _ in range(requests):
                request(int(port))
            per_round[name].append((time.perf_counter() - start) * 1000 / requests)
    for name, _ in ports:
        print(f"{name:<16} {statistics.median(per_round[name]):8.3f} ms/request")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    mode = sys.argv[1]
    if mode == "run" and sys.argv[3:4] == ["--before"]:
        run_rounds(int(sys.argv[2]), pairs(sys.argv[5:]), sys.argv[4])
    elif mode == "run":
        run_rounds(int(sys.argv[2]), pairs(sys.argv[3:]))
    elif mode == "http":
        http_rounds(int(sys.argv[2]), int(sys.argv[3]), pairs(sys.argv[4:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
