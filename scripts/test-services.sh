#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 + pgvector and a redis-server on 127.0.0.1 for the tests.
#   scripts/test-services.sh start   → prints the export lines for AUTHLOOP_TEST_DATABASE_URL and AUTHLOOP_TEST_REDIS_URL
#   scripts/test-services.sh stop
set -euo pipefail
BASE=${AUTHLOOP_TEST_SERVICES_DIR:-/tmp/authloop-test-services}
PG_PORT=${AUTHLOOP_TEST_PG_PORT:-55432}
REDIS_PORT=${AUTHLOOP_TEST_REDIS_PORT:-56379}
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    mkdir -p "$BASE"
    if [ "$(id -u)" = 0 ]; then chown postgres "$BASE"; fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$BASE/pg" status >/dev/null 2>&1; then
      rm -rf "$BASE/pg"
      as_pg "$PGBIN/initdb" -D "$BASE/pg" -U authloop --auth=trust -E UTF8 >/dev/null
      as_pg "$PGBIN/pg_ctl" -D "$BASE/pg" -l "$BASE/pg.log" -w \
        -o "-p $PG_PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=512MB -c maintenance_work_mem=1GB" start >/dev/null
    fi
    if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
      redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$BASE/redis.log" --pidfile "$BASE/redis.pid" >/dev/null
      for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    echo "export AUTHLOOP_TEST_DATABASE_URL=postgres://authloop@127.0.0.1:$PG_PORT/postgres"
    echo "export AUTHLOOP_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$BASE/pg" -m fast stop >/dev/null 2>&1 || true
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
