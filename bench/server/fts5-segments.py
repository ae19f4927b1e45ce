#!/usr/bin/env python3
"""Prints the FTS5 index's segments per level of a SQLite store: bench/server/fts5-segments.py bench.db [table].

Reads the index's structure record (row 10 of <table>_data): a 4-byte cookie, then SQLite varints: levels, segments,
write counter, and per level the segments in an unfinished merge, the segment count and each segment's page range.
A query reads each of its terms in every segment, so the count is part of a search benchmark's conditions.
"""
import sqlite3
import sys


def varint(b, i):
    v = 0
    for k in range(9):
        c = b[i]
        i += 1
        if k == 8:
            return (v << 8) | c, i
        v = (v << 7) | (c & 0x7F)
        if not c & 0x80:
            return v, i
    return v, i


db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
table = sys.argv[2] if len(sys.argv) > 2 else "message_fts"
block = db.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()[0]
i = 4
levels, i = varint(block, i)
segments, i = varint(block, i)
_, i = varint(block, i)
parts = []
for level in range(levels):
    merging, i = varint(block, i)
    count, i = varint(block, i)
    pages = 0
    for _ in range(count):
        _, i = varint(block, i)
        first, i = varint(block, i)
        last, i = varint(block, i)
        pages += last - first + 1
    if count:
        parts.append(f"L{level} {count}" + (f" ({merging} merging)" if merging else "") + f" {pages} p")
print(f"{segments} segments: " + ", ".join(parts))
