#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for trying (and testing) Rewind's team catalog.
#   scripts/pg-sandbox.sh start [DIR]   start a cluster in DIR (default: a new temp folder); prints the --catalog URL
#   scripts/pg-sandbox.sh stop DIR      stop it and delete DIR
# The server never runs as root: PostgreSQL refuses to, so as root the cluster belongs to 'nobody'.
set -euo pipefail

bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/initdb" ] || { echo "pg-sandbox: no PostgreSQL in $bin (apt-get install postgresql)" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        if ! ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
            echo "$port"
            return
        fi
    done
    echo "pg-sandbox: no free port found" >&2
    exit 1
}

case "${1:-start}" in
start)
    dir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/rewind-pg.XXXXXX")}
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U rewind --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # the socket lives in the cluster's folder, so nothing in /var/run is needed
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U rewind rewind
    echo "pg-sandbox: cluster in $dir; stop it with: $0 stop $dir" >&2
    echo "postgresql://rewind@127.0.0.1:$port/rewind"
    ;;
stop)
    dir=${2:?usage: $0 stop DIR}
    [ -f "$dir/data/PG_VERSION" ] || { echo "pg-sandbox: $dir holds no cluster" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
