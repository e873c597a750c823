"""The cost of a hostile search (issue 15): 31 common words OR'd, as a page, a feed and an export,
and the home page while four such exports run, against gunicorn on loopback.

    .venv/bin/python -m bench.cost_ceiling --database sqlite:///data/bench.sqlite3
    .venv/bin/python -m bench.cost_ceiling --database postgres://postgres@127.0.0.1:5432/hard_bench

The database must hold the Reuters corpus (README: import all.jsonl into it). The server runs with
BEHIND_PROXY on, so that the four exports can come from four addresses (X-Forwarded-For) and the
per-client cap does not refuse them; --workers gunicorn workers (default 5 = 2 x CPUs + 1).
Prints, per request, the median and worst time and the status of --repeat runs, then `GET /` timed
while four exports of the hostile query run at once, and whether every export finished whole.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from archive.devtools.server import Gunicorn, app_env

WORDS = ("said government president minister official officials international agreement statement "
         "negotiations administration countries economic political according spokesman reported national "
         "companies conference increase production billion million percent yesterday washington department "
         "secretary committee security").split()  # fmt: skip
HOSTILE = " OR ".join(WORDS)  # 31 words, the query of issue 15


def fetch(base: str, path: str, address: str = "127.0.0.1") -> tuple[float, int, int]:
    """(seconds, status, bytes) of one whole answer."""
    request = urllib.request.Request(base + path, headers={"X-Forwarded-For": address})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            size = len(response.read())
            status = response.status
    except urllib.error.HTTPError as error:
        size, status = len(error.read()), error.code
    return time.perf_counter() - started, status, size


def whole_json(base: str, path: str, address: str) -> tuple[float, int, bool]:
    request = urllib.request.Request(base + path, headers={"X-Forwarded-For": address})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        return time.perf_counter() - started, error.code, False
    try:
        json.loads(body)
        whole = True
    except ValueError:
        whole = False
    return time.perf_counter() - started, status, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    query = urllib.parse.urlencode({"q": HOSTILE})
    print(f"query: {len(WORDS)} words, {len(HOSTILE)} characters; database {args.database.split('://')[0]}")
    env = app_env(args.database, BEHIND_PROXY="true", EXPORTS_PER_CLIENT="2")
    with Gunicorn(env, workers=args.workers, log=Path("data/cost_ceiling_gunicorn.log")) as server:
        paths = ["/", f"/?{query}", f"/statements/?{query}", f"/feed/?{query}", f"/export.json?{query}",
                 f"/export.csv?{query}", f"/statements/export.json?{query}"]  # fmt: skip
        for path in paths:
            fetch(server.base, path)  # warm up
            runs = [fetch(server.base, path) for _ in range(args.repeat)]
            times = [seconds for seconds, _, _ in runs]
            statuses = sorted({status for _, status, _ in runs})
            print(f"{path[:40]:42} median {statistics.median(times):6.3f} s  worst {max(times):6.3f} s  "
                  f"status {statuses}  {runs[0][2]:,} bytes  load {os.getloadavg()[0]:.2f}")
        # Four exports at once, from four addresses; the home page timed meanwhile.
        results: list[tuple[float, int, bool]] = []
        exports = [threading.Thread(target=lambda n=n: results.append(
            whole_json(server.base, f"/export.json?{query}", f"10.0.0.{n}"))) for n in range(4)]
        for thread in exports:
            thread.start()
        home: list[float] = []
        time.sleep(0.05)
        while any(thread.is_alive() for thread in exports):
            home.append(fetch(server.base, "/", "10.0.1.1")[0])
        for thread in exports:
            thread.join()
        print(f"GET / during 4 exports: {len(home)} requests, median {statistics.median(home):.3f} s, "
              f"worst {max(home):.3f} s  load {os.getloadavg()[0]:.2f}")
        alone = [fetch(server.base, "/", "10.0.1.2")[0] for _ in range(args.repeat)]
        print(f"GET / just after, alone: median {statistics.median(alone):.3f} s, worst {max(alone):.3f} s  "
              f"load {os.getloadavg()[0]:.2f}")
        print("exports: " + ", ".join(f"{seconds:.2f} s {status} {'whole' if whole else 'NOT WHOLE'}"
                                      for seconds, status, whole in results))
        # The per-client cap: three exports at once from one address.
        capped: list[int] = []
        path = f"/export.json?{query}"
        same = [threading.Thread(target=lambda: capped.append(fetch(server.base, path, "10.0.2.1")[1]))
                for _ in range(3)]  # fmt: skip
        for thread in same:
            thread.start()
        for thread in same:
            thread.join()
        print(f"3 exports at once from one address: statuses {sorted(capped)}")


if __name__ == "__main__":
    main()
