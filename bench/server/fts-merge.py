#!/usr/bin/env python3
"""FTS5 write cost per 1,000 ingest-like texts on a copy of a 1M store, by FTS5 setting (an experiment, bench/README.md).

Usage: flock -o /work/cpu.lock bench/server/fts-merge.py STORE.db WORK.db default automerge=8 automerge=16
STORE.db is copied to WORK.db (removed after) for each setting; 60 transactions of 1,000 texts go into message_fts.
"""
import sqlite3, sys, time, random, shutil, os
src, work = sys.argv[1], sys.argv[2]
problems = ["Не горят фонари", "Яма на дороге", "Не вывозят мусор", "Протекает крыша", "Сломан лифт",
  "Нет горячей воды", "Не убран снег", "Сломана детская площадка", "Бездомные собаки", "Не работает светофор"]
streets = ["Союзной", "Ленина", "Дружбы", "Карла Маркса", "Радищева", "Школьной", "Садовой", "Мирной"]
for setting in sys.argv[3:]:
    shutil.copy(src, work)
    c = sqlite3.connect(work, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL"); c.execute("PRAGMA cache_size=-65536")
    if setting != "default":
        k, v = setting.split("=")
        c.execute(f"INSERT INTO message_fts(message_fts, rank) VALUES('{k}', {v})")
    base = c.execute("SELECT max(id) FROM messages").fetchone()[0] + 1000000
    rnd = random.Random(7)
    times = []
    cpu0 = time.process_time()
    for t in range(60):
        rows = [(base + t * 1000 + i, f"{rnd.choice(problems)} на улице {rnd.choice(streets)} у дома {rnd.randint(1,300)}, обращаюсь уже {rnd.randint(1,9)} раз, примите меры") for i in range(1000)]
        t0 = time.perf_counter()
        c.execute("BEGIN IMMEDIATE")
        c.executemany("INSERT INTO message_fts(rowid, text) VALUES (?, ?)", rows)
        c.execute("COMMIT")
        times.append((time.perf_counter() - t0) * 1000)
    cpu = time.process_time() - cpu0
    print(f"{setting}: mean {sum(times)/len(times):.1f} ms per 1,000 (max {max(times):.0f}), CPU {cpu*1000/60:.1f} ms per 1,000", flush=True)
    c.close(); os.remove(work)
    for ext in ("-wal", "-shm"):
        if os.path.exists(work + ext): os.remove(work + ext)
