#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the benchmarks (issue 16).
# Usage: bash scripts/pg_test_server.sh start DIR [PORT]   prints the URL to export as KOLABIK_TEST_PG
#        bash scripts/pg_test_server.sh stop DIR
# As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root); otherwise as
# the caller. It listens on 127.0.0.1 and a socket inside DIR only, with trust authentication.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster}
port=${3:-55432}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v initdb)")
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    # C collation: text sorts by code point, as in an event file, so rankings list ties alike.
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres --locale=C -E UTF8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
  ;;
stop)
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
*)
  echo "unknown action $action (start or stop)" >&2
  exit 2
  ;;
esac
