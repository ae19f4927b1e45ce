# First-page full-text latency at the SQL level on an imported store (read-only):
#   flock -o /work/cpu.lock python3 bench/fts/latency.py bench/out/otklik-jsonl.db message_fts
# First-page full-text latency at the SQL level: the dialect's NewestMatches read (window 200 = 4 x a page of 50),
# then its 8x window, as CaseSession.NewestMatchesAsync does; 30 runs per query after one warm run.
import sqlite3, sys, time
db, table = sys.argv[1], sys.argv[2]
from firstpage import QUERIES, read_first_page
con = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
con.execute("PRAGMA cache_size=-32768")
allt = []
for q in QUERIES:
    ts = []
    for rep in range(31):
        t = time.perf_counter()
        read_first_page(con, table, q)
        if rep: ts.append((time.perf_counter() - t) * 1000)
    ts.sort(); allt += ts
    print(f"{q}: p50 {ts[15]:.1f} ms max {ts[-1]:.1f} ms", flush=True)
allt.sort()
print(f"ALL: p50 {allt[len(allt)//2]:.1f} p99 {allt[int(len(allt)*0.99)]:.1f} max {allt[-1]:.1f} ms")
