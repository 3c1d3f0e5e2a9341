#!/usr/bin/env bash
# Debian's redis-server as the shared cache of several hosts (CACHE_URL), run as the
# current user on 127.0.0.1:REDIS_PORT with its files under REDIS_DIR.
#   scripts/redis.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${REDIS_PORT:-6379}
DIR=${REDIS_DIR:-var/redis}
PIDFILE="$DIR/redis-$PORT.pid"

answering() { redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; }

case "${1:-}" in
  start)
    command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }
    if answering; then echo "Redis already answers on 127.0.0.1:$PORT"; exit 0; fi
    mkdir -p "$DIR"
    # A cache: nothing is saved to disk; when full, the least recently used keys go.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$PORT" --dir "$(pwd)/$DIR" \
      --pidfile "$(pwd)/$PIDFILE" --logfile "$(pwd)/$DIR/redis-$PORT.log" \
      --save "" --appendonly no --maxmemory "${REDIS_MAXMEMORY:-256mb}" \
      --maxmemory-policy allkeys-lru
    for _ in $(seq 50); do answering && break; sleep 0.1; done
    answering || { echo "Redis did not start: see $DIR/redis-$PORT.log" >&2; exit 1; }
    echo "Redis answers on 127.0.0.1:$PORT: export CACHE_URL=redis://127.0.0.1:$PORT/0"
    ;;
  stop)
    if answering; then redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true; fi
    rm -f "$PIDFILE"
    echo "Redis on 127.0.0.1:$PORT stopped"
    ;;
  status)
    if answering; then echo "Redis answers on 127.0.0.1:$PORT"; else echo "Redis is not running on 127.0.0.1:$PORT"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2; exit 2
    ;;
esac
