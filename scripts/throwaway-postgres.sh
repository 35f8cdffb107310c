#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free high port (initdb into a temp dir) and prints
# `export` lines for TEST_DATABASE_URL and the cluster's stop command. Used by .ci/run and handy
# locally:  eval "$(scripts/throwaway-postgres.sh)"  ...  eval "$PG_STOP"
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
DIR=$(mktemp -d /tmp/tollgate-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
as_pg "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres >"$DIR/initdb.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
stop="$PGBIN/pg_ctl -D $DIR/data -m fast stop >/dev/null; rm -rf $DIR"
[ "$(id -u)" = 0 ] && stop="runuser -u postgres -- $PGBIN/pg_ctl -D $DIR/data -m fast stop >/dev/null; rm -rf $DIR"
printf 'export PG_STOP=%q\n' "$stop"
