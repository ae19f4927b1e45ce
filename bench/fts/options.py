# FTS5 options A/B with the sqlite3 library python links (3.40 here), on a copy of an imported store:
#   cp bench/out/p200k/otklik-jsonl.db /tmp/fts.db && sqlite3 /tmp/fts.db "DROP TABLE message_fts; VACUUM"
#   flock -o /work/cpu.lock python3 bench/fts/options.py /tmp/fts.db "NAME|, OPTIONS|PRAGMAS|CONFIG" ...
# e.g. "none|, prefix='3 4 5 6', detail=none|PRAGMA cache_size=-32768|hashsize=16777216"
# (CONFIG: key=value;… set with INSERT INTO fx(fx, rank); a NAME containing OPT runs 'optimize' after the build).
# Per config: a new external-content table fx over messages, 'rebuild' in one transaction (wall, CPU, index bytes),
# then first-page reads of typical stems (median/max ms of the dialect's window-200 and window-1600 reads, match count).
import sqlite3, sys, time, os, resource
db = sys.argv[1]
configs = sys.argv[2:]
from firstpage import QUERIES, read_first_page
def q_times(con, table):
    res = {}
    for q in QUERIES:
        ts = []
        for rep in range(7):
            t = time.perf_counter()
            read_first_page(con, table, q)
            ts.append(time.perf_counter() - t)
        ts.sort()
        # full match count (the plain fallback's cost)
        t = time.perf_counter()
        n = con.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (q,)).fetchone()[0]
        full = time.perf_counter() - t
        res[q] = (ts[3]*1000, ts[-1]*1000, n, full*1000)
    return res
for cfg in configs:
    name, opts, pre, post = (cfg.split('|') + [''])[:4]
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=NORMAL")
    for p in pre.split(';'):
        if p.strip(): con.execute(p)
    con.execute("DROP TABLE IF EXISTS fx")
    con.execute(f"CREATE VIRTUAL TABLE fx USING fts5 (text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2' {opts})")
    for p in post.split(';'):
        if p.strip():
            k, v = p.split('=')
            con.execute("INSERT INTO fx (fx, rank) VALUES (?, ?)", (k.strip(), int(v)))
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    con.execute("BEGIN")
    con.execute("INSERT INTO fx (fx) VALUES ('rebuild')")
    if 'OPT' in name:
        con.execute("INSERT INTO fx (fx) VALUES ('optimize')")
    con.execute("COMMIT")
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    size = con.execute("SELECT sum(length(block)) FROM fx_data").fetchone()[0] / 1e6
    segs = con.execute("SELECT count(*) FROM fx_idx").fetchone()[0]
    print(f"{name}: rebuild {wall:.1f} s wall {cpu:.1f} s cpu, data {size:.1f} MB, idx rows {segs}", flush=True)
    qs = q_times(con, 'fx')
    print("   " + "  ".join(f"{q}:{v[0]:.1f}/{v[1]:.1f}ms n={v[2]} all={v[3]:.0f}" for q, v in qs.items()), flush=True)
    con.close()
