# Sourced by the bench scripts that need a PostgreSQL cluster of their own (import.sh, import-trigger.sh,
# predictions.sh, labeled.sh): a fresh cluster in a temporary folder on a free port, stopped and removed at exit.
#   source "$root/bench/throwaway-pg.sh"; pg_start NAME [-c setting=value …]; … "$port" "$pgdir" …; pg_cpu
# As root, PostgreSQL's binaries run as the postgres user (it refuses root). pg_start sets pgbin, pgdir, port and as_pg,
# and a trap that stops the cluster and removes pgdir plus whatever the caller lists in pg_cleanup_extra.
pg_cleanup_extra=()

pg_start() { # name [postgres options]
  local name=$1; shift
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  pgdir="$(mktemp -d "/tmp/otklik-$name-pg.XXXXXX")"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pgdir"; as_pg=(runuser -u postgres --); fi
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 $*" start >/dev/null
  trap pg_stop EXIT
}

pg_stop() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pgdir" "${pg_cleanup_extra[@]}"
}

# CPU seconds the PostgreSQL server spent so far: the postmaster, its exited children (backends) and the living ones.
pg_cpu() {
  local pm tck
  pm="$(head -1 "$pgdir/data/postmaster.pid")"; tck="$(getconf CLK_TCK)"
  { awk '{print $14+$15+$16+$17}' "/proc/$pm/stat"
    for f in /proc/[0-9]*/stat; do awk -v pm="$pm" '$4==pm {print $14+$15}' "$f" 2>/dev/null; done
  } | awk -v t="$tck" '{s+=$1} END {printf "%.2f", s/t}'
}
