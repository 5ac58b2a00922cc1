#!/usr/bin/env bash
# A throwaway PostgreSQL cluster with pg_trgm for tests and benchmarks.
#
#   eval "$(scripts/postgres-test-cluster.sh start [DIR])"   # prints export lines, see below
#   scripts/postgres-test-cluster.sh stop [DIR]               # stops the server and removes DIR
#   scripts/postgres-test-cluster.sh pg_ctl DATA stop|start   # used by the outage test
#
# `start` creates DIR (default: a new temp folder), runs initdb (-E UTF8 --locale=C.UTF-8: pg_trgm needs a UTF-8
# ctype to see non-ASCII letters), writes port, socket dir, listen_addresses=127.0.0.1 and fsync=off into
# postgresql.conf so a plain `pg_ctl start` restarts it identically, starts it and prints:
#   export LSPTRIAGE_TEST_PG='Host=127.0.0.1;Port=...;Username=postgres;Database=postgres;...'
#   export LSPTRIAGE_TEST_PGCTL_DATA='DIR/data'
#   export LSPTRIAGE_TEST_PG_DIR='DIR'
# Runs as root (initdb/pg_ctl under `runuser -u postgres`) or as any user that owns DIR.
set -euo pipefail

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
[ -x "$PGBIN/initdb" ] || PGBIN="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for p in $(seq "${1:-55432}" 65000); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 1
}

cmd="${1:-}"
case "$cmd" in
  start)
    dir="${2:-$(mktemp -d /tmp/lsptriage-pg.XXXXXX)}"
    mkdir -p "$dir"
    [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 not found (install Debian's postgresql package)" >&2; exit 1; }
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    data="$dir/data"
    port="${LSPTRIAGE_PG_PORT:-$(free_port)}"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
      as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    else
      port="$(sed -n 's/^port = \([0-9]*\)$/\1/p' "$data/postgresql.conf" | tail -1)"
    fi
    as_owner "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export LSPTRIAGE_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Timeout=5;Command Timeout=60'"
    echo "export LSPTRIAGE_TEST_PGCTL_DATA='$data'"
    echo "export LSPTRIAGE_TEST_PG_DIR='$dir'"
    ;;
  stop)
    dir="${2:-${LSPTRIAGE_TEST_PG_DIR:-}}"
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in /tmp/lsptriage-pg.*) rm -rf "$dir" ;; esac
    ;;
  pg_ctl)
    data="${2:?usage: $0 pg_ctl DATA stop|start}"
    action="${3:?usage: $0 pg_ctl DATA stop|start}"
    case "$action" in
      stop) as_owner "$PGBIN/pg_ctl" -D "$data" -m fast -w stop ;;
      start) as_owner "$PGBIN/pg_ctl" -D "$data" -l "$(dirname "$data")/server.log" -w start ;;
      *) echo "usage: $0 pg_ctl DATA stop|start" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: $0 start [DIR] | stop [DIR] | pg_ctl DATA stop|start" >&2
    exit 2
    ;;
esac
