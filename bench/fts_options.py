#!/usr/bin/env python3
"""Prints the FTS5 options (tokenize, prefix, detail, columnsize, pgsz…) of Otklik's message_fts, read from the
catalog of an Otklik SQLite database, so a raw baseline builds the same index; with --hashsize, the term buffer its
config table holds. Without a database (or an FTS table in
it) prints the options of the current schema as a fallback.  Usage: fts_options.py [--hashsize] [DB]"""
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

def hashsize(path):
    """The term buffer Otklik's index keeps in its config table (FTS5's default, 1 MB, when unset or no database)."""
    if path and os.path.exists(path):
        row = sqlite3.connect(path).execute("SELECT v FROM message_fts_config WHERE k = 'hashsize'").fetchone()
        if row:
            return int(row[0])
    return 1048576

args = sys.argv[1:]
if args[:1] == ["--hashsize"]:
    print(hashsize(args[1] if len(args) > 1 else None))
else:
    print(options(args[0] if args else None))
