#!/usr/bin/env python3
"""What an index of words per scope would save an executor's search on SQLite (the experiment that led to migration 24,
SearchWordScopeSchema; run it on a store of migration 23, whose index does not have them yet):
    bench/server/fts-word-scope.py COPY.db [body]     (a COPY of a bench store of migration 23 or later: it is written)

Adds a contentless FTS5 table `word_scope` beside `message_fts`, holding for each message one token per word and scope:
"\\ue000b7фонари" for a word of a case owned by body 7, "\\ue000e7…" where the case is escalated to 7 (the texts folded
as the index's view folds them, split at what is not a letter or digit, keyed by the message id negated as
`message_fts`). An executor's word is then one prefix term of its own: `"\\ue000b7фонар"* OR "\\ue000e7фонар"*` reads
the body's matches only, where today's query ANDs the scope token with the word's doclist over all messages. Prints
the build time, both indexes' pages, and the CPU of today's scoped statements against the same on `word_scope` (the
least of 15 runs, the server's cache pragmas). The word splitting is Python's `\\w+`, close to but not exactly
unicode61's (L*, N*, Co).
"""
import re
import sqlite3
import sys
import time

MARK = "\ue000"


def best(db, sql, args, runs=15):
    times, rows = [], 0
    for _ in range(runs):
        start = time.thread_time()
        rows = len(db.execute(sql, args).fetchall())
        times.append(time.thread_time() - start)
    return min(times) * 1000, rows


def build(path):
    db = sqlite3.connect(path)
    db.isolation_level = None
    db.execute("DROP TABLE IF EXISTS word_scope")
    db.execute("CREATE VIRTUAL TABLE word_scope USING fts5 (scope, content='', tokenize='unicode61 remove_diacritics 2', "
               "prefix='3 4 5 6', detail=none, columnsize=0)")
    db.execute("INSERT INTO word_scope (word_scope, rank) VALUES ('hashsize', 16777216)")
    words = re.compile(r"\w+")
    start = time.perf_counter()
    db.execute("BEGIN")
    rows = db.execute("SELECT m.id, replace(replace(m.text, 'ё', 'е'), 'Ё', 'Е'), c.body_id, c.escalated_to_body_id "
                      "FROM messages m LEFT JOIN cases c ON c.id = m.case_id ORDER BY m.id DESC")
    for message, text, body, escalated in rows.fetchall():
        found = words.findall(text or "")
        tokens = [f"{MARK}b{body}{w}" for w in found] if body is not None else []
        tokens += [f"{MARK}e{escalated}{w}" for w in found] if escalated is not None else []
        db.execute("INSERT INTO word_scope (rowid, scope) VALUES (?, ?)", (-message, " ".join(tokens)))
    db.execute("COMMIT")
    db.execute("INSERT INTO word_scope (word_scope) VALUES ('optimize')")
    print(f"built word_scope in {time.perf_counter() - start:.1f} s; pages: word_scope "
          f"{db.execute('SELECT count(*) FROM word_scope_data').fetchone()[0]}, message_fts "
          f"{db.execute('SELECT count(*) FROM message_fts_data').fetchone()[0]}")
    db.close()


def main():
    path = sys.argv[1]
    body = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    build(path)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.execute("PRAGMA cache_size = -8192")
    db.execute("PRAGMA mmap_size = 268435456")
    where = f"(c.body_id IN ({body}) OR c.escalated_to_body_id IN ({body}))"
    today = ("message_fts", f'("фонар"*) AND ("{MARK}b{body}" OR "{MARK}e{body}")')
    scoped = ("word_scope", f'"{MARK}b{body}фонар"* OR "{MARK}e{body}фонар"*')
    print(f"# {path}, body {body}, SQLite {sqlite3.sqlite_version}")
    for table, query in (today, scoped):
        walk = (f"SELECT f.id, c.id, c.message_count FROM (SELECT -rowid AS id FROM {table} WHERE {table} MATCH ? "
                f"ORDER BY rowid LIMIT 1632) f LEFT JOIN messages m ON m.id = f.id "
                f"LEFT JOIN cases c ON c.id = m.case_id AND {where} ORDER BY f.id DESC")
        for name, sql in (("matches, counted", f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"),
                          ("walk of up to 1,632 with cases", walk)):
            ms, rows = best(db, sql, (query,))
            print(f"{table:12s} {name:32s} {ms:8.3f} ms  {rows:6d} rows")


if __name__ == "__main__":
    main()
