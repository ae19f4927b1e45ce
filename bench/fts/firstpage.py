# What latency.py and options.py both time: typical stems as SqliteDialect.SearchQuery writes them, and the first
# page's index reads as CaseSession.NewestMatchesAsync makes them (window 200 = 4 x a page of 50, then its 8x window).
QUERIES = ['"фона"*', '"доро"*', '"мусо"*', '"отопле"*', '"ямы"*', '"нет"* "све"*', '"убор"* "сне"*', '"горяч"* "вод"*', '"двор"*', '"ул"', '"освеще"* "улиц"*', '"подъез"*']


def read_first_page(con, table, query):
    for lim in (200, 1600):
        con.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= 0 AND rowid < 9223372036854775807 ORDER BY rowid DESC LIMIT {lim}", (query,)).fetchall()
