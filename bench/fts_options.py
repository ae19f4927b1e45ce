#!/usr/bin/env python3
"""Prints the FTS5 options (tokenize, prefix, detail, columnsize, pgsz…) of Otklik's message_fts, read from the
catalog of an Otklik SQLite database, so a raw baseline builds the same index. Without a database (or an FTS table in
it) prints the options of the current schema as a fallback.  Usage: fts_options.py [DB]"""
import os
import re
import sqlite3
import sys

FALLBACK = "tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6'"
KNOWN = ("tokenize", "prefix", "detail", "columnsize", "pgsz", "locale", "tokendata")

def options(path):
    if not path or not os.path.exists(path):
        return FALLBACK
    row = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master WHERE name = 'message_fts'").fetchone()
    if not row:
        return FALLBACK
    body = row[0][row[0].index("(") + 1: row[0].rindex(")")]
    # Split on commas outside single quotes: option values such as prefix='3 4 5 6' hold no commas, but be safe.
    parts = [p.strip() for p in re.findall(r"(?:[^,']|'[^']*')+", body)]
    kept = [p for p in parts if p.split("=")[0].strip().lower() in KNOWN]
    return ", ".join(kept) if kept else FALLBACK

print(options(sys.argv[1] if len(sys.argv) > 1 else None))
