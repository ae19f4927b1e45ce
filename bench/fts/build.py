# Building the shipped index (migration 13's options, 16 MB term buffer) over 1M imported messages, as one
# INSERT ... SELECT in one transaction vs in committed id chunks (MODE = name:chunk(0 = one):hashsize:cache MB;
# a name with OPT builds without merges and runs one 'optimize' at the end):
#   flock -o /work/cpu.lock python3 bench/fts/build.py bench/out/otklik-jsonl.db one:0:16777216:32 chunk100k:100000:16777216:32
# A/B at 1M: the new index options, built as one INSERT ... SELECT in one transaction vs in id chunks, each committed.
import sqlite3, sys, time, os, resource
db = sys.argv[1]; modes = sys.argv[2:]
OPTS = "tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6', detail=none, columnsize=0"
for mode in modes:
    name, chunk, hs, cache = mode.split(':')
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=NORMAL"); con.execute(f"PRAGMA cache_size=-{int(cache)*1024}")
    con.execute("DROP TABLE IF EXISTS fx"); con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute(f"CREATE VIRTUAL TABLE fx USING fts5 (text, content='messages', content_rowid='id', {OPTS})")
    con.execute("INSERT INTO fx (fx, rank) VALUES ('hashsize', ?)", (int(hs),))
    if 'OPT' in name:  # no merging while building, one 'optimize' merge at the end
        con.execute("INSERT INTO fx (fx, rank) VALUES ('automerge', 0)")
    mx = con.execute("SELECT max(id) FROM messages").fetchone()[0]
    chunk = int(chunk) or mx
    r0 = resource.getrusage(resource.RUSAGE_SELF); t = time.perf_counter(); walmax = 0; lap = []
    w = 0
    while w < mx:
        t1 = time.perf_counter()
        con.execute("BEGIN")
        con.execute("INSERT INTO fx (rowid, text) SELECT id, text FROM messages WHERE id > ? AND id <= ? ORDER BY id", (w, w + chunk))
        if 'OPT' in name and w + chunk >= mx:
            con.execute("INSERT INTO fx (fx) VALUES ('optimize')")
        walmax = max(walmax, os.path.getsize(db + "-wal"))
        con.execute("COMMIT")
        w += chunk; lap.append(time.perf_counter() - t1)
    wall = time.perf_counter() - t; r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    size = con.execute("SELECT sum(length(block)) FROM fx_data").fetchone()[0] / 1e6
    print(f"{name}: {wall:.1f} s wall {cpu:.1f} s cpu (sys {r1.ru_stime - r0.ru_stime:.1f}), data {size:.0f} MB, wal max {walmax/1e6:.0f} MB, laps {' '.join(f'{x:.1f}' for x in lap[:12])}", flush=True)
    con.execute("DROP TABLE fx"); con.close()
