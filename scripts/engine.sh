#!/usr/bin/env bash
# Local OpenSearch or Elasticsearch for development and tests, a single node or a small
# cluster, run from its Maven Central jars (no Docker, no tarball).
# Usage: scripts/engine.sh start|stop|status|java ("java" says which JDK the engine would run on).
#
#   ENGINE                 opensearch (default) or elasticsearch
#   ENGINE_PORT            HTTP port on 127.0.0.1 (default 9200)
#   ENGINE_TRANSPORT_PORT  node-to-node port (default ENGINE_PORT+100)
#   ENGINE_NODES           nodes in the cluster (default 1). Node n (1, 2, ...) listens on
#                          ENGINE_PORT+n-1 and ENGINE_TRANSPORT_PORT+n-1; all are cluster
#                          manager eligible and hold data
#   ENGINE_NODE            start, stop or check only node n of the cluster (default: all)
#   ENGINE_HOME            jar cache and per-port run dirs (default <repo>/.engine)
#   ENGINE_HEAP            JVM heap, e.g. 512m (default 1g)
#   ENGINE_TIMEOUT         seconds to wait for a healthy node (default 120)
#   ENGINE_SETTINGS        extra node settings, "key=value key=value"
#   ENGINE_FRESH           1 = delete the node's indices before starting (default: keep them)
#   JAVA_HOME              JDK to use. OpenSearch: default java/javac on PATH, Java 17+.
#                          Elasticsearch: default the first JDK 21+ found (PATH, then /usr/lib/jvm)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENSEARCH_VERSION=2.19.6         # keep in step with scripts/engine/pom.xml
ELASTICSEARCH_VERSION=9.2.2       # keep in step with scripts/engine/elasticsearch/pom.xml

ENGINE=${ENGINE:-opensearch}
case $ENGINE in
    opensearch)
        ENGINE_SRC=$REPO_ROOT/scripts/engine
        ENGINE_LABEL="OpenSearch $OPENSEARCH_VERSION"
        MIN_JAVA=17
        ;;
    elasticsearch)
        ENGINE_SRC=$REPO_ROOT/scripts/engine/elasticsearch
        ENGINE_LABEL="Elasticsearch $ELASTICSEARCH_VERSION"
        MIN_JAVA=21
        ;;
    *)
        printf 'engine: ERROR: ENGINE must be opensearch or elasticsearch, not %s\n' "$ENGINE" >&2
        exit 2
        ;;
esac

ENGINE_PORT=${ENGINE_PORT:-9200}
ENGINE_TRANSPORT_PORT=${ENGINE_TRANSPORT_PORT:-$((ENGINE_PORT + 100))}
ENGINE_NODES=${ENGINE_NODES:-1}
ENGINE_NODE=${ENGINE_NODE:-}
FIRST_PORT=$ENGINE_PORT
FIRST_TRANSPORT_PORT=$ENGINE_TRANSPORT_PORT
ENGINE_HOME=${ENGINE_HOME:-$REPO_ROOT/.engine}
ENGINE_HEAP=${ENGINE_HEAP:-1g}
ENGINE_TIMEOUT=${ENGINE_TIMEOUT:-120}
ENGINE_SETTINGS=${ENGINE_SETTINGS:-}
ENGINE_FRESH=${ENGINE_FRESH:-0}

say() { printf 'engine: %s\n' "$*"; }
die() { printf 'engine: ERROR: %s\n' "$*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# One run dir per engine and port, so a test node on another port can run beside the dev
# node, and an Elasticsearch node never opens OpenSearch's data. A cluster's nodes have run
# dirs of their own: a single node's data belongs to a cluster of one and cannot join another.
init_paths() {
    [[ $ENGINE_NODES =~ ^[1-9]$ ]] || die "ENGINE_NODES must be a number from 1 to 9, not '$ENGINE_NODES'"
    [[ -z $ENGINE_NODE ]] || { [[ $ENGINE_NODE =~ ^[1-9]$ ]] && ((ENGINE_NODE <= ENGINE_NODES)); } ||
        die "ENGINE_NODE must be a number from 1 to ENGINE_NODES ($ENGINE_NODES), not '$ENGINE_NODE'"
    mkdir -p "$ENGINE_HOME"
    ENGINE_HOME=$(cd "$ENGINE_HOME" && pwd)
    local prefix=$ENGINE-
    CACHE_DIR=$ENGINE_HOME/cache-$ENGINE
    if [[ $ENGINE == opensearch ]]; then
        prefix=
        CACHE_DIR=$ENGINE_HOME/cache
    fi
    RUN_PREFIX=$ENGINE_HOME/${prefix}node-
    ((ENGINE_NODES > 1)) && RUN_PREFIX=$ENGINE_HOME/${prefix}cluster-$FIRST_PORT-node-
    select_node 1
}

# Points ENGINE_PORT, URL, RUN_DIR, PID_FILE and LOG_FILE at node n of the cluster.
select_node() {
    ENGINE_PORT=$((FIRST_PORT + $1 - 1))
    ENGINE_TRANSPORT_PORT=$((FIRST_TRANSPORT_PORT + $1 - 1))
    URL=http://127.0.0.1:$ENGINE_PORT
    RUN_DIR=$RUN_PREFIX$ENGINE_PORT
    PID_FILE=$RUN_DIR/engine.pid
    LOG_FILE=$RUN_DIR/engine.log
}

# The nodes a command acts on: ENGINE_NODE, or all of them.
selected_nodes() {
    if [[ -n $ENGINE_NODE ]]; then echo "$ENGINE_NODE"; else seq 1 "$ENGINE_NODES"; fi
}

require() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not found ($2)"
}

# Sets JAVA and JAVAC: JAVA_HOME if set, else java on PATH if new enough, else (Elasticsearch)
# the newest JDK under /usr/lib/jvm that is.
find_java() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        JAVA=$JAVA_HOME/bin/java JAVAC=$JAVA_HOME/bin/javac
        return
    fi
    JAVA=java JAVAC=javac
    local major home
    major=$(java_major 2>/dev/null) || major=0
    [[ $major =~ ^[0-9]+$ ]] && ((major >= MIN_JAVA)) && return
    for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        [[ -x $home/bin/javac ]] || continue
        JAVA=${home}bin/java
        major=$(java_major) || continue
        if ((major >= MIN_JAVA)); then
            JAVAC=${home}bin/javac
            return
        fi
    done
    JAVA=java
}

# The cache is keyed by the content of the engine's sources (pom.xml, Launcher.java, ...):
# editing the pom refetches the jars, editing any source recompiles.
cache_paths() {
    local pom_hash src_hash
    pom_hash=$(sha256sum "$ENGINE_SRC/pom.xml" | cut -c1-12)
    src_hash=$(cat "$ENGINE_SRC/pom.xml" "$ENGINE_SRC/Launcher.java" $(engine_sources) | sha256sum | cut -c1-12)
    JAR_DIR=$CACHE_DIR/jars-$pom_hash
    CLASS_DIR=$CACHE_DIR/launcher-$src_hash
}

# Elasticsearch's own analysis plugin (its analysis-common module is not on Maven Central).
engine_sources() {
    [[ $ENGINE == elasticsearch ]] && echo "$ENGINE_SRC"/analysis/*
    return 0
}

fetch_jars() {
    [[ -d $JAR_DIR ]] && return
    require mvn "apt-get install maven"
    say "Fetching $ENGINE_LABEL jars from Maven Central (first run only)…"
    local tmp=$JAR_DIR.tmp.$$ started out
    started=$(now)
    rm -rf "$tmp"
    if ! out=$(mvn -B -q -Dstyle.color=never -f "$ENGINE_SRC/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1); then
        rm -rf "$tmp"
        printf '%s\n' "$out" | tail -n 30 >&2
        die "Maven could not fetch the $ENGINE_LABEL jars (see above)"
    fi
    if [[ $ENGINE == elasticsearch ]] && ! split_elasticsearch_jars "$tmp"; then
        rm -rf "$tmp"
        die "could not lay out the Elasticsearch jars"
    fi
    mv "$tmp" "$JAR_DIR"
    say "Fetched $(find "$JAR_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$JAR_DIR" | cut -f1)) in $(since "$started") s"
}

# Elasticsearch runs its server jars as Java modules (lib/) and loads HTTP as a module in its
# own class loader (modules/transport-netty4/), as a distribution lays them out.
split_elasticsearch_jars() {
    local dir=$1 jar
    mkdir -p "$dir/lib" "$dir/transport-netty4"
    for jar in "$dir"/*.jar; do
        case ${jar##*/} in
            transport-netty4-* | netty-*) mv "$jar" "$dir/transport-netty4/" ;;
            *) mv "$jar" "$dir/lib/" ;;
        esac
    done
    local descriptor=META-INF/es-plugins/transport-netty4/plugin-descriptor.properties
    (cd "$dir/transport-netty4" && "${JAVAC%javac}jar" xf transport-netty4-*.jar "$descriptor" &&
        mv "$descriptor" . && rm -r META-INF)
}

compile_launcher() {
    [[ -f $CLASS_DIR/Launcher.class ]] && return
    require "$JAVAC" "a JDK is needed, not just a JRE; set JAVA_HOME"
    say "Compiling the launcher…"
    local tmp=$CLASS_DIR.tmp.$$
    rm -rf "$tmp"
    if [[ $ENGINE == opensearch ]]; then
        "$JAVAC" --release 17 -nowarn -d "$tmp" -cp "$JAR_DIR/*" "$ENGINE_SRC/Launcher.java" || { rm -rf "$tmp"; die "javac failed"; }
    else
        compile_elasticsearch "$tmp" || { rm -rf "$tmp"; die "javac failed"; }
    fi
    mv "$tmp" "$CLASS_DIR"
}

# The launcher, plus a modules/ folder: transport-netty4 and our analysis plugin as a jar.
compile_elasticsearch() {
    local out=$1 plugin=$1/modules/polar-analysis
    "$JAVAC" --release 21 -nowarn -d "$out" -cp "$JAR_DIR/lib/*" "$ENGINE_SRC/Launcher.java" &&
        "$JAVAC" --release 21 -nowarn -d "$out/plugin-classes" -cp "$JAR_DIR/lib/*" "$ENGINE_SRC"/analysis/*.java &&
        mkdir -p "$plugin" &&
        "${JAVAC%javac}jar" cf "$plugin/polar-analysis.jar" -C "$out/plugin-classes" . &&
        cp "$ENGINE_SRC/analysis/plugin-descriptor.properties" "$plugin/" &&
        cp -r "$JAR_DIR/transport-netty4" "$out/modules/" &&
        rm -rf "$out/plugin-classes"
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

# Prints the health JSON; succeeds if the cluster is yellow or green with all its nodes.
health() {
    local json
    json=$(curl -sS --max-time "$((${1:-1} + 5))" \
        "$URL/_cluster/health?wait_for_status=yellow&wait_for_nodes=$ENGINE_NODES&timeout=${1:-1}s" 2>/dev/null) || return 1
    echo "$json"
    [[ $json =~ \"status\":\"(yellow|green)\" && $json =~ \"timed_out\":false ]]
}

wait_healthy() {
    local pid=$1 started=$2
    local deadline=$((${started%.*} + ENGINE_TIMEOUT))
    while ((EPOCHSECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            show_log_tail
            die "$ENGINE_LABEL exited during startup (log: $LOG_FILE)"
        fi
        # Until HTTP is bound this fails at once; afterwards the server itself waits up to 2 s.
        health 2 >/dev/null && return 0
        sleep 0.5
    done
    show_log_tail
    stop_pid "$pid"
    die "$ENGINE_LABEL was not healthy after ${ENGINE_TIMEOUT} s, so it was stopped (log: $LOG_FILE)"
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
    for pid_file in "$ENGINE_HOME"/*/engine.pid; do
        [[ -f $pid_file ]] && kill -0 "$(<"$pid_file")" 2>/dev/null && return 0
    done
    find "$CACHE_DIR" -mindepth 1 -maxdepth 1 \
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
        "-Dlog4j.configurationFile=$ENGINE_SRC/log4j2.properties"
    )
    if [[ $ENGINE == opensearch ]]; then
        JVM_OPTS+=(-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager) # Lucene logs via JUL
        # As OpenSearch's own jvm.options: CLDR-only date/locale data differs; COMPAT is gone in 23.
        ((major < 23)) && JVM_OPTS+=("-Djava.locale.providers=SPI,COMPAT")
        JVM_OPTS+=(-cp "$CLASS_DIR:$JAR_DIR/*")
    else
        # No native library folder: Elasticsearch then uses its pure-Java code paths.
        JVM_OPTS+=("-Des.nativelibs.path=$RUN_DIR/tmp" "-Dengine.modules=$CLASS_DIR/modules"
            --module-path "$JAR_DIR/lib" --add-modules ALL-MODULE-PATH -cp "$CLASS_DIR")
    fi
    # Lucene calls native code through java.lang.foreign; 24+ warns unless allowed.
    local native=ALL-UNNAMED
    [[ $ENGINE == elasticsearch ]] && native+=,org.apache.lucene.core # Lucene runs as a module there
    ((major >= 24)) && JVM_OPTS+=("--enable-native-access=$native")
    return 0
}

node_settings() {
    NODE_SETTINGS=(
        "path.home=$RUN_DIR" "path.data=$RUN_DIR/data" "path.logs=$RUN_DIR/logs"
        "node.name=polar-kb-$ENGINE_PORT"
        network.host=127.0.0.1 "http.port=$ENGINE_PORT" "transport.port=$ENGINE_TRANSPORT_PORT"
        cluster.routing.allocation.disk.threshold_enabled=false
    )
    if ((ENGINE_NODES == 1)); then
        NODE_SETTINGS+=(cluster.name=polar-kb-engine discovery.type=single-node)
    else
        cluster_settings
    fi
    local extra
    read -r -a extra <<<"$ENGINE_SETTINGS"
    NODE_SETTINGS+=("${extra[@]}")
}

# Every node finds the others on their transport ports; the first start elects a cluster
# manager among all of them (the setting is ignored once the cluster has formed).
cluster_settings() {
    local n seeds=() names=() managers=cluster.initial_cluster_manager_nodes
    [[ $ENGINE == elasticsearch ]] && managers=cluster.initial_master_nodes
    for n in $(seq 0 $((ENGINE_NODES - 1))); do
        seeds+=("127.0.0.1:$((FIRST_TRANSPORT_PORT + n))")
        names+=("polar-kb-$((FIRST_PORT + n))")
    done
    NODE_SETTINGS+=("cluster.name=polar-kb-cluster-$FIRST_PORT"
        "discovery.seed_hosts=$(IFS=,; echo "${seeds[*]}")" "$managers=$(IFS=,; echo "${names[*]}")")
}

cmd_start() {
    require curl "apt-get install curl"
    find_java
    require "$JAVA" "install a JDK $MIN_JAVA+ or set JAVA_HOME"
    local major n
    major=$(java_major)
    [[ $major =~ ^[0-9]+$ ]] || die "could not run $JAVA"
    ((major >= MIN_JAVA)) || die "$ENGINE_LABEL needs Java $MIN_JAVA or later, but $JAVA is Java $major; set JAVA_HOME (Debian: apt-get install openjdk-$MIN_JAVA-jdk-headless where packaged)"

    cache_paths
    fetch_jars
    compile_launcher
    prune_cache

    # All the nodes start at once (a cluster forms only when they find each other), then
    # each is waited for.
    local pids=() starts=()
    for n in $(selected_nodes); do
        select_node "$n"
        launch_node "$major"
        pids+=("$LAUNCHED_PID") starts+=("$(now)")
    done
    local i=0
    for n in $(selected_nodes); do
        select_node "$n"
        if [[ -n ${pids[i]} ]]; then
            wait_healthy "${pids[i]}" "${starts[i]}"
            say "ready at $URL (pid ${pids[i]}, healthy after $(since "${starts[i]}") s; log: $LOG_FILE)"
        fi
        i=$((i + 1))
    done
}

# Starts the selected node unless it runs already; LAUNCHED_PID is its pid, or empty.
launch_node() {
    local pid
    LAUNCHED_PID=
    if pid=$(our_pid); then
        if health 5 >/dev/null; then
            say "already running (pid $pid) at $URL"
            return 0
        fi
        say "a node started by this script is running (pid $pid) at $URL but not healthy yet; waiting…"
        LAUNCHED_PID=$pid
        return 0
    fi
    if port_in_use "$ENGINE_PORT"; then
        die "port $ENGINE_PORT on 127.0.0.1 is already in use by another process $(who_listens "$ENGINE_PORT"), not by a node this script started. Stop it, or use another port: ENGINE_PORT=$((FIRST_PORT + ENGINE_NODES)) $0 start"
    fi
    if port_in_use "$ENGINE_TRANSPORT_PORT"; then
        die "transport port $ENGINE_TRANSPORT_PORT on 127.0.0.1 is already in use by another process $(who_listens "$ENGINE_TRANSPORT_PORT"). Stop it, or set ENGINE_TRANSPORT_PORT to a free port"
    fi
    jvm_options "$1"
    node_settings

    # Indices survive a restart, as on a real server (the lock of a dead node is released by
    # the OS); ENGINE_FRESH=1 starts from an empty data directory.
    [[ $ENGINE_FRESH == 1 ]] && rm -rf "$RUN_DIR/data"
    rm -rf "$RUN_DIR/tmp"
    mkdir -p "$RUN_DIR/tmp" "$RUN_DIR/logs"
    say "Starting $ENGINE_LABEL (Java $1, heap $ENGINE_HEAP) on $URL…"
    nohup "$JAVA" "${JVM_OPTS[@]}" Launcher "${NODE_SETTINGS[@]}" \
        >"$LOG_FILE" 2>&1 </dev/null 9>&- &
    LAUNCHED_PID=$!
    echo "$LAUNCHED_PID" >"$PID_FILE"
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
    local n pid started
    for n in $(selected_nodes); do
        select_node "$n"
        if ! pid=$(our_pid); then
            say "no engine started by this script is running on port $ENGINE_PORT"
            continue
        fi
        started=$(now)
        stop_pid "$pid"
        say "stopped the node on port $ENGINE_PORT (pid $pid, $(since "$started") s)"
    done
}

# Each selected node's process, then the cluster's health as the last running one sees it.
cmd_status() {
    local n pid json running=() failed=0
    for n in $(selected_nodes); do
        select_node "$n"
        if pid=$(our_pid); then
            running+=("$n")
            say "running (pid $pid) at $URL"
        elif port_in_use "$ENGINE_PORT"; then
            say "not running on port $ENGINE_PORT (used by another process $(who_listens "$ENGINE_PORT"))"
            failed=1
        else
            say "not running on port $ENGINE_PORT"
            failed=1
        fi
    done
    ((${#running[@]})) || return 1
    select_node "${running[-1]}"
    if json=$(health 1); then
        say "healthy"
        echo "$json"
        return "$failed"
    fi
    say "NOT healthy"
    [[ -n ${json:-} ]] && echo "$json"
    return 1
}

cmd_java() {
    find_java
    local major
    major=$(java_major 2>/dev/null) || major=
    if [[ $major =~ ^[0-9]+$ ]] && ((major >= MIN_JAVA)); then
        say "$ENGINE_LABEL runs on $JAVA (Java $major)"
        return 0
    fi
    say "no Java $MIN_JAVA+ found for $ENGINE_LABEL; set JAVA_HOME or install a JDK $MIN_JAVA+"
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
        java) cmd_java ;;
        *)
            echo "usage: $0 start|stop|status|java" >&2
            exit 2
            ;;
    esac
}

main "$@"
