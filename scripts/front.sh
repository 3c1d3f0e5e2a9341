#!/usr/bin/env bash
# The production front: Debian's nginx in front of gunicorn, run as the current user
# (no root needed) with scripts/front/nginx.conf rendered into FRONT_DIR.
#
#   scripts/front.sh start|stop|status
#
# FRONT_LISTEN  address nginx listens on             127.0.0.1:8080
# BACKEND       gunicorn's address (its BIND)        127.0.0.1:8000
# FRONT_DIR     rendered configuration, pid, logs    var/front
# FRONT_ACCESS_LOG  access log ("off" for none)      FRONT_DIR/access.log
set -euo pipefail
cd "$(dirname "$0")/.."

FRONT_LISTEN=${FRONT_LISTEN:-127.0.0.1:8080}
BACKEND=${BACKEND:-${BIND:-127.0.0.1:8000}}
BACKEND=${BACKEND%%,*}
FRONT_DIR=$(mkdir -p "${FRONT_DIR:-var/front}" && cd "${FRONT_DIR:-var/front}" && pwd)
FRONT_ACCESS_LOG=${FRONT_ACCESS_LOG:-$FRONT_DIR/access.log}
CONF=$FRONT_DIR/nginx.conf
PID_FILE=$FRONT_DIR/nginx.pid

find_nginx() {
  # /usr/sbin is not on every user's PATH.
  NGINX=$(command -v nginx || true)
  [ -n "$NGINX" ] || [ ! -x /usr/sbin/nginx ] || NGINX=/usr/sbin/nginx
  if [ -z "$NGINX" ]; then
    echo "nginx not found: install Debian's nginx-light (or nginx) package" >&2
    exit 1
  fi
}

render() {
  sed -e "s|@FRONT_DIR@|$FRONT_DIR|g" -e "s|@LISTEN@|$FRONT_LISTEN|g" \
    -e "s|@BACKEND@|$BACKEND|g" -e "s|@ACCESS_LOG@|$FRONT_ACCESS_LOG|g" \
    scripts/front/nginx.conf >"$CONF"
}

running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

start() {
  find_nginx
  if running; then
    echo "The front is already running (pid $(cat "$PID_FILE"))."
    return 0
  fi
  render
  "$NGINX" -q -t -p "$FRONT_DIR" -e "$FRONT_DIR/error.log" -c "$CONF"
  "$NGINX" -p "$FRONT_DIR" -e "$FRONT_DIR/error.log" -c "$CONF"
  echo "The front listens on http://$FRONT_LISTEN/ and passes requests to $BACKEND."
}

stop() {
  if ! running; then
    echo "The front is not running."
    return 0
  fi
  local pid
  pid=$(cat "$PID_FILE")
  kill -QUIT "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { echo "The front stopped."; return 0; }
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$PID_FILE"))"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
