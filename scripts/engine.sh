#!/usr/bin/env bash
# Local single-node OpenSearch for development and tests, run from its Maven Central jars
# (no Docker, no tarball). Usage: scripts/engine.sh start|stop|status
#
#   ENGINE_PORT            HTTP port on 127.0.0.1 (default 9200)
#   ENGINE_TRANSPORT_PORT  node-to-node port (default ENGINE_PORT+100)
#   ENGINE_HOME            jar cache and per-port run dirs (default <repo>/.engine)
#   ENGINE_HEAP            JVM heap, e.g. 512m (default 1g)
#   ENGINE_TIMEOUT         seconds to wait for a healthy node (default 120)
#   ENGINE_SETTINGS        extra node settings, "key=value key=value"
#   ENGINE_FRESH           1 = delete the node's indices before starting (default: keep them)
#   JAVA_HOME              JDK to use (default: java/javac on PATH); Java 17+ (17/21 are what 2.19 supports)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ENGINE_SRC=$REPO_ROOT/scripts/engine
OPENSEARCH_VERSION=2.19.6 # keep in step with scripts/engine/pom.xml

ENGINE_PORT=${ENGINE_PORT:-9200}
ENGINE_TRANSPORT_PORT=${ENGINE_TRANSPORT_PORT:-$((ENGINE_PORT + 100))}
ENGINE_HOME=${ENGINE_HOME:-$REPO_ROOT/.engine}
ENGINE_HEAP=${ENGINE_HEAP:-1g}
ENGINE_TIMEOUT=${ENGINE_TIMEOUT:-120}
ENGINE_SETTINGS=${ENGINE_SETTINGS:-}
ENGINE_FRESH=${ENGINE_FRESH:-0}

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
URL=http://127.0.0.1:$ENGINE_PORT

say() { printf 'engine: %s\n' "$*"; }
die() { printf 'engine: ERROR: %s\n' "$*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# One run dir per port, so a test node on another port can run beside the dev node.
init_paths() {
    mkdir -p "$ENGINE_HOME"
    ENGINE_HOME=$(cd "$ENGINE_HOME" && pwd)
    RUN_DIR=$ENGINE_HOME/node-$ENGINE_PORT
    PID_FILE=$RUN_DIR/engine.pid
    LOG_FILE=$RUN_DIR/engine.log
}

require() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not found ($2)"
}

# The cache is keyed by the content of pom.xml and Launcher.java: editing either refetches/recompiles.
cache_paths() {
    local pom_hash src_hash
    pom_hash=$(sha256sum "$ENGINE_SRC/pom.xml" | cut -c1-12)
    src_hash=$(cat "$ENGINE_SRC/pom.xml" "$ENGINE_SRC/Launcher.java" | sha256sum | cut -c1-12)
    JAR_DIR=$ENGINE_HOME/cache/jars-$pom_hash
    CLASS_DIR=$ENGINE_HOME/cache/launcher-$src_hash
}

fetch_jars() {
    [[ -d $JAR_DIR ]] && return
    require mvn "apt-get install maven"
    say "Fetching OpenSearch $OPENSEARCH_VERSION jars from Maven Central (first run only)…"
    local tmp=$JAR_DIR.tmp.$$ started out
    started=$(now)
    rm -rf "$tmp"
    if ! out=$(mvn -B -q -Dstyle.color=never -f "$ENGINE_SRC/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1); then
        rm -rf "$tmp"
        printf '%s\n' "$out" | tail -n 30 >&2
        die "Maven could not fetch the OpenSearch jars (see above)"
    fi
    mv "$tmp" "$JAR_DIR"
    say "Fetched $(find "$JAR_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$JAR_DIR" | cut -f1)) in $(since "$started") s"
}

compile_launcher() {
    [[ -f $CLASS_DIR/Launcher.class ]] && return
    require "$JAVAC" "a JDK is needed, not just a JRE; set JAVA_HOME"
    say "Compiling the launcher…"
    local tmp=$CLASS_DIR.tmp.$$
    rm -rf "$tmp"
    "$JAVAC" --release 17 -nowarn -d "$tmp" -cp "$JAR_DIR/*" "$ENGINE_SRC/Launcher.java" || { rm -rf "$tmp"; die "javac failed"; }
    mv "$tmp" "$CLASS_DIR"
}

java_major() {
    "$JAVA" -XshowSettings:properties -version 2>&1 |
        awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]) }'
}

# Prints the pid of the node this script started on ENGINE_PORT, if it is still alive.
our_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(<"$PID_FILE")
    if [[ $pid =~ ^[0-9]+$ ]] && ps -ww -p "$pid" -o args= 2>/dev/null | grep -qE "Launcher .*http\.port=$ENGINE_PORT( |$)"; then
        echo "$pid"
    else
        rm -f "$PID_FILE" # stale: the node died or the pid was reused
        return 1
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints e.g. "(python3, pid 1234)" for the process listening on a port, if ss can tell.
who_listens() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o '"[^"]*",pid=[0-9]*' | head -n 1 |
        sed -E 's/"([^"]*)",pid=([0-9]+)/(\1, pid \2)/' || true
}

# Prints the health JSON; succeeds if the cluster is yellow or green.
health() {
    local json
    json=$(curl -sS --max-time "$((${1:-1} + 5))" \
        "$URL/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s" 2>/dev/null) || return 1
    echo "$json"
    [[ $json =~ \"status\":\"(yellow|green)\" ]]
}

wait_healthy() {
    local pid=$1 started=$2
    local deadline=$((${started%.*} + ENGINE_TIMEOUT))
    while ((EPOCHSECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            show_log_tail
            die "OpenSearch exited during startup (log: $LOG_FILE)"
        fi
        # Until HTTP is bound this fails at once; afterwards the server itself waits up to 2 s.
        health 2 >/dev/null && return 0
        sleep 0.5
    done
    show_log_tail
    stop_pid "$pid"
    die "OpenSearch was not healthy after ${ENGINE_TIMEOUT} s, so it was stopped (log: $LOG_FILE)"
}

show_log_tail() {
    printf -- '--- last lines of %s ---\n' "$LOG_FILE" >&2
    tail -n 40 "$LOG_FILE" >&2 || true
    printf -- '---\n' >&2
}

# Drops jar/launcher caches left by earlier versions of pom.xml or Launcher.java, unless some
# node (on any port) is still running and might be using them.
prune_cache() {
    local pid_file
    for pid_file in "$ENGINE_HOME"/node-*/engine.pid; do
        [[ -f $pid_file ]] && kill -0 "$(<"$pid_file")" 2>/dev/null && return 0
    done
    find "$ENGINE_HOME/cache" -mindepth 1 -maxdepth 1 \
        ! -path "$JAR_DIR" ! -path "$CLASS_DIR" -exec rm -rf {} +
}

jvm_options() {
    local major=$1
    JVM_OPTS=(
        "-Xms$ENGINE_HEAP" "-Xmx$ENGINE_HEAP"
        -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError
        "-Djava.io.tmpdir=$RUN_DIR/tmp" -Dfile.encoding=UTF-8
        -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
        -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true
        -Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager # Lucene logs via JUL
        "-Dlog4j.configurationFile=$ENGINE_SRC/log4j2.properties"
    )
    # As OpenSearch's own jvm.options: CLDR-only date/locale data differs; COMPAT is gone in 23.
    ((major < 23)) && JVM_OPTS+=("-Djava.locale.providers=SPI,COMPAT")
    # Lucene calls native code through java.lang.foreign; 24+ warns unless allowed.
    ((major >= 24)) && JVM_OPTS+=(--enable-native-access=ALL-UNNAMED)
    return 0
}

node_settings() {
    NODE_SETTINGS=(
        "path.home=$RUN_DIR" "path.data=$RUN_DIR/data" "path.logs=$RUN_DIR/logs"
        "node.name=polar-kb-$ENGINE_PORT" "cluster.name=polar-kb-engine"
        network.host=127.0.0.1 "http.port=$ENGINE_PORT" "transport.port=$ENGINE_TRANSPORT_PORT"
        discovery.type=single-node
        cluster.routing.allocation.disk.threshold_enabled=false
    )
    local extra
    read -r -a extra <<<"$ENGINE_SETTINGS"
    NODE_SETTINGS+=("${extra[@]}")
}

cmd_start() {
    require curl "apt-get install curl"
    require "$JAVA" "install a JDK 17+ or set JAVA_HOME"
    local pid started
    if pid=$(our_pid); then
        if health 5 >/dev/null; then
            say "already running (pid $pid) at $URL"
            return 0
        fi
        say "a node started by this script is running (pid $pid) but not healthy yet; waiting…"
        wait_healthy "$pid" "$(now)"
        say "ready at $URL"
        return 0
    fi
    if port_in_use "$ENGINE_PORT"; then
        die "port $ENGINE_PORT on 127.0.0.1 is already in use by another process $(who_listens "$ENGINE_PORT"), not by a node this script started. Stop it, or use another port: ENGINE_PORT=$((ENGINE_PORT + 1)) $0 start"
    fi
    if port_in_use "$ENGINE_TRANSPORT_PORT"; then
        die "transport port $ENGINE_TRANSPORT_PORT on 127.0.0.1 is already in use by another process $(who_listens "$ENGINE_TRANSPORT_PORT"). Stop it, or set ENGINE_TRANSPORT_PORT to a free port"
    fi

    local major
    major=$(java_major)
    [[ $major =~ ^[0-9]+$ ]] || die "could not run $JAVA"
    ((major >= 17)) || die "OpenSearch $OPENSEARCH_VERSION needs Java 17 or later, but $JAVA is Java $major; set JAVA_HOME"

    cache_paths
    fetch_jars
    compile_launcher
    prune_cache
    jvm_options "$major"
    node_settings

    # Indices survive a restart, as on a real server (the lock of a dead node is released by
    # the OS); ENGINE_FRESH=1 starts from an empty data directory.
    [[ $ENGINE_FRESH == 1 ]] && rm -rf "$RUN_DIR/data"
    rm -rf "$RUN_DIR/tmp"
    mkdir -p "$RUN_DIR/tmp" "$RUN_DIR/logs"
    say "Starting OpenSearch $OPENSEARCH_VERSION (Java $major, heap $ENGINE_HEAP) on $URL…"
    started=$(now)
    nohup "$JAVA" "${JVM_OPTS[@]}" -cp "$CLASS_DIR:$JAR_DIR/*" Launcher "${NODE_SETTINGS[@]}" \
        >"$LOG_FILE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
    wait_healthy "$pid" "$started"
    say "ready at $URL (pid $pid, healthy after $(since "$started") s; log: $LOG_FILE)"
}

# SIGTERM lets the launcher close the node cleanly; SIGKILL only if that hangs.
stop_pid() {
    local pid=$1 deadline=$((EPOCHSECONDS + 30))
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if ((EPOCHSECONDS >= deadline)); then
            say "pid $pid did not exit within 30 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.2
    done
    rm -f "$PID_FILE"
}

cmd_stop() {
    local pid started
    if ! pid=$(our_pid); then
        say "no engine started by this script is running on port $ENGINE_PORT"
        return 0
    fi
    started=$(now)
    stop_pid "$pid"
    say "stopped (pid $pid, $(since "$started") s)"
}

cmd_status() {
    local pid json
    if pid=$(our_pid); then
        if json=$(health 1); then
            say "running (pid $pid) at $URL, healthy"
            echo "$json"
            return 0
        fi
        say "running (pid $pid) at $URL, NOT healthy"
        [[ -n ${json:-} ]] && echo "$json"
        return 1
    fi
    if port_in_use "$ENGINE_PORT"; then
        say "not running (port $ENGINE_PORT is used by another process $(who_listens "$ENGINE_PORT"))"
    else
        say "not running"
    fi
    return 1
}

# Serialises start/stop per port (e.g. two test runs starting the same node at once).
lock_run_dir() {
    command -v flock >/dev/null 2>&1 || return 0
    mkdir -p "$RUN_DIR"
    exec 9>"$RUN_DIR/engine.lock"
    flock -w $((ENGINE_TIMEOUT + 60)) 9 || die "another 'engine.sh start/stop' on port $ENGINE_PORT is still running"
}

main() {
    init_paths
    case "${1:-}" in
        start) lock_run_dir && cmd_start ;;
        stop) lock_run_dir && cmd_stop ;;
        status) cmd_status ;;
        *)
            echo "usage: $0 start|stop|status" >&2
            exit 2
            ;;
    esac
}

main "$@"
