#!/usr/bin/env python3
"""Times the full-text statements the case list runs on a SQLite bench store, best of 7 runs each:
    bench/server/fts-statements.py bench.db [body]     (body: the executor's body, default 7, as bench/server/run.sh)

Read-only. The statements are the ones CaseSession's search writes (an executor's scoped search: the first window of
204 matches and the rest; a common word's first window; a probe of one message, old and recent), so a store's
FTS5 shape (its segments: bench/server/fts5-segments.py) can be compared by what a search costs: run it on a store
right after an ingest and on a copy after `otklik maintain` (one segment). Python's sqlite3 may be an older SQLite
than the server's Microsoft.Data.Sqlite; on the 1.3M-message bench store both gave the same figures within 10 %.
"""
import sqlite3
import sys
import time

MARK = "\ue000"  # the scope tokens' first character (SearchScopeSchema.SqliteMark)


def best(db, sql, args, runs=7):
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = len(db.execute(sql, args).fetchall())
        times.append(time.perf_counter() - start)
    return min(times) * 1000, rows


def main():
    path = sys.argv[1]
    body = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    word = '"фонар"*'
    scoped = f'({word}) AND ("{MARK}b{body}" OR "{MARK}e{body}")'
    where = f"(c.body_id IN ({body}) OR c.escalated_to_body_id IN ({body}))"

    def window(limit):
        return ("SELECT f.id, c.id, c.message_count FROM (SELECT rowid AS id FROM message_fts WHERE message_fts MATCH ? "
                f"AND rowid >= 0 AND rowid < ? ORDER BY rowid DESC LIMIT {limit}) f "
                f"LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where} ORDER BY f.id DESC")

    top = 2 ** 62
    ids = [r[0] for r in db.execute("SELECT rowid FROM message_fts WHERE message_fts MATCH ? ORDER BY rowid DESC LIMIT 205", (scoped,))]
    after = ids[203] if len(ids) > 203 else 0
    newest = db.execute("SELECT max(rowid) FROM message_fts WHERE message_fts MATCH ?", (word,)).fetchone()[0]
    checks = [
        ("executor: all matches, counted", "SELECT count(*) FROM message_fts WHERE message_fts MATCH ?", (scoped,)),
        ("executor: first window (204) with cases", window(204), (scoped, top)),
        ("executor: the rest (up to 1,632) with cases", window(1632), (scoped, after)),
        ("common word: first window (204) with cases", window(204).replace(f"AND {where}", ""), (word, top)),
        ("probe of an old message", "SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = ?", (word, 1000)),
        ("probe of the newest match", "SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = ?", (word, newest)),
    ]
    print(f"# {path}, body {body}, SQLite {sqlite3.sqlite_version}")
    for name, sql, args in checks:
        ms, rows = best(db, sql, args)
        print(f"{name:46s} {ms:8.3f} ms  {rows:6d} rows")


if __name__ == "__main__":
    main()
