#!/usr/bin/env python3
"""Times the full-text statements the case list runs on a SQLite bench store, the least CPU time of 15 runs each:
    bench/server/fts-statements.py bench.db [body]     (body: the executor's body, default 7, as bench/server/run.sh)

Read-only. The statements are the ones CaseSession's search writes (an executor's scoped search: the first window of
204 matches and the rest; a common word's first window; a probe of one message, old and recent), so a store's
FTS5 shape (its segments: bench/server/fts5-segments.py) can be compared by what a search costs: run it on a store
right after an ingest and on a copy after `otklik maintain` (one segment). Python's sqlite3 may be an older SQLite
than the server's Microsoft.Data.Sqlite; on the 1.3M-message bench store both gave the same figures within 10 %.
A store of migration 23 or later keys its index by message id negated, newest first (SearchNewestFirstSchema); the
statements follow the store's form, so one made by an older tree can be compared with its migrated copy; a store of
migration 24 or later asks for the executor's words per scope (SearchWordScopeSchema).
"""
import sqlite3
import sys
import time

MARK = "\ue000"  # the scope tokens' first character (SearchScopeSchema.SqliteMark)


def best(db, sql, args, runs=15):
    times, rows = [], 0
    for _ in range(runs):
        start = time.thread_time()
        rows = len(db.execute(sql, args).fetchall())
        times.append(time.thread_time() - start)
    return min(times) * 1000, rows


def main():
    path = sys.argv[1]
    body = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # A reading connection of the server's (SqliteDialect): with Python's default 2 MB cache and no mmap, the joins'
    # page reads doubled what they cost there.
    db.execute("PRAGMA cache_size = -8192")
    db.execute("PRAGMA mmap_size = 268435456")
    word = '"фонар"*'
    view = db.execute("SELECT sql FROM sqlite_master WHERE name = 'message_search_text'").fetchone()[0]
    if "otklik_scope_words" in view:  # migration 24: a token per word and body (SqliteScopeWords)
        scoped = f'"{MARK}b{body}\ue001фонар"* OR "{MARK}e{body}\ue001фонар"*'
    else:
        scoped = f'({word}) AND ("{MARK}b{body}" OR "{MARK}e{body}")'
    where = f"(c.body_id IN ({body}) OR c.escalated_to_body_id IN ({body}))"

    def window(limit):
        return ("SELECT f.id, c.id, c.message_count FROM (SELECT rowid AS id FROM message_fts WHERE message_fts MATCH ? "
                f"AND rowid >= 0 AND rowid < ? ORDER BY rowid DESC LIMIT {limit}) f "
                f"LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where} ORDER BY f.id DESC")

    top = 2 ** 62
    newest_first = "-m.id" in view
    if newest_first:  # ids in [0, below) are rowids in (-below, 0], ascending
        def window(limit):
            return ("SELECT f.id, c.id, c.message_count FROM (SELECT -rowid AS id FROM message_fts WHERE message_fts MATCH ? "
                    f"AND rowid > -? AND rowid <= 0 ORDER BY rowid LIMIT {limit}) f "
                    f"LEFT JOIN messages m ON m.id = f.id LEFT JOIN cases c ON c.id = m.case_id AND {where} ORDER BY f.id DESC")
        first, sign, order = "min", -1, ""
    else:
        first, sign, order = "max", 1, " DESC"
    ids = [sign * r[0] for r in db.execute(f"SELECT rowid FROM message_fts WHERE message_fts MATCH ? ORDER BY rowid{order} LIMIT 205", (scoped,))]
    after = ids[203] if len(ids) > 203 else 0
    newest = sign * db.execute(f"SELECT {first}(rowid) FROM message_fts WHERE message_fts MATCH ?", (word,)).fetchone()[0]
    checks = [
        ("executor: all matches, counted", "SELECT count(*) FROM message_fts WHERE message_fts MATCH ?", (scoped,)),
        ("executor: first window (204) with cases", window(204), (scoped, top)),
        ("executor: the rest (up to 1,632) with cases", window(1632), (scoped, after)),
        ("common word: first window (204) with cases", window(204).replace(f"AND {where}", ""), (word, top)),
        ("probe of an old message", "SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = ?", (word, sign * 1000)),
        ("probe of the newest match", "SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = ?", (word, sign * newest)),
    ]
    print(f"# {path}, body {body}, SQLite {sqlite3.sqlite_version}, {'words per scope (migration 24)' if 'otklik_scope_words' in view else 'newest first (migration 23)' if newest_first else 'oldest first'}")
    for name, sql, args in checks:
        ms, rows = best(db, sql, args)
        print(f"{name:46s} {ms:8.3f} ms  {rows:6d} rows")


if __name__ == "__main__":
    main()
