#!/usr/bin/env bash
# PostgreSQL and Redis for the local cluster (deploy/local-cluster.sh) and for CI (.ci/run): each
# runs as an unprivileged process in a folder of its own, on a loopback port, and is stopped by the
# process id it wrote there. No system service is started, stopped or reconfigured: Debian's own
# postgresql and redis-server services (which apt may have started) are neither used nor touched.
#
# Source it and call the functions, or run it:
#   deploy/services.sh pg-start <folder> <port> [fast]   PostgreSQL in <folder>/postgres
#   deploy/services.sh pg-stop <folder>
#   deploy/services.sh redis-start <folder> <port>       Redis in <folder>/redis
#   deploy/services.sh redis-stop <folder>
#   deploy/services.sh status <folder>
# pg-start prints the connection string of the role `newsreader` (LOGIN, CREATEDB: the test suite
# creates a database per test site), whose password is made once and kept in <folder>/postgres/password.
# Both start commands do nothing but print when the service is already running (the same folder).
#
# PostgreSQL refuses to run as root, so initdb and pg_ctl run as the `postgres` user the Debian
# package creates; Redis runs as the package's `redis` user. Both need to reach <folder>, so the
# folder (and every folder above it) must be searchable by them: a `mktemp -d` folder is made so here.

NR_PG_USER=${NR_PG_USER:-postgres}
NR_REDIS_USER=${NR_REDIS_USER:-redis}

nr_log() { echo "services: $*" >&2; }

# The newest installed PostgreSQL's bin folder (/usr/lib/postgresql/15/bin on Debian 12).
nr_pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ] || [ ! -x "$dir/postgres" ]; then
        nr_log "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/postgres): apt-get install -y postgresql"
        return 1
    fi
    echo "$dir"
}

# Runs a command as an unprivileged user; when we are already not root, as ourselves.
nr_as() {
    local user=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# The user needs to reach the folder: say so plainly rather than let initdb fail with "permission denied".
nr_check_reachable() {
    local user=$1 folder=$2
    chmod a+x "$folder"
    if ! nr_as "$user" test -x "$folder"; then
        nr_log "user $user cannot reach $folder: every folder above it must be searchable (chmod a+x), or choose another folder"
        return 1
    fi
}

# A process that has exited but not yet been reaped (a zombie, state Z) is not running.
nr_pid_alive() {
    local state
    [ -n "${1:-}" ] && state=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

# --- PostgreSQL -----------------------------------------------------------------------------------

nr_pg_pid() {
    local file="$1/postgres/data/postmaster.pid"
    [ -f "$file" ] && head -n 1 "$file" || true
}

# The functions return non-zero on failure and say why on standard error; they do not rely on set -e
# (nr_pg_start is usually called inside $(...), where bash ignores it).

# nr_pg_start <folder> <port> [fast]: initdb on first use, start, create the role; prints the
# connection string. `fast` (CI, throw-away data) turns fsync off: a database per test site is then
# created in milliseconds rather than waiting on the disk. Without it PostgreSQL is as durable as ever.
nr_pg_start() {
    local folder=$1 port=$2 mode=${3:-durable}
    local bin pg data run password
    bin=$(nr_pg_bin) || return 1
    mkdir -p "$folder"
    folder=$(cd "$folder" && pwd)
    pg="$folder/postgres"
    data="$pg/data"
    run="$pg/run"
    nr_check_reachable "$NR_PG_USER" "$folder" || return 1
    mkdir -p "$pg" "$run"
    if [ ! -f "$pg/password" ]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$pg/password")
    fi
    password=$(cat "$pg/password")
    if [ "$(id -u)" -eq 0 ]; then
        chown "$NR_PG_USER": "$pg" "$run" "$pg/password"
    fi
    chmod 700 "$pg"

    if [ ! -f "$data/PG_VERSION" ]; then
        # Local connections (the socket in $run, inside a folder only postgres can enter) are
        # trusted; TCP on 127.0.0.1 needs the password.
        nr_as "$NR_PG_USER" "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >"$pg/initdb.log" 2>&1 \
            || { nr_log "initdb failed, see $pg/initdb.log"; tail -n 20 "$pg/initdb.log" >&2; return 1; }
        {
            echo "# deploy/services.sh"
            echo "listen_addresses = '127.0.0.1'"
            echo "port = $port"
            echo "unix_socket_directories = '$run'"
            echo "max_connections = 200"
            if [ "$mode" = fast ]; then
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            fi
        } | nr_as "$NR_PG_USER" tee -a "$data/postgresql.conf" >/dev/null
    fi

    if nr_pid_alive "$(nr_pg_pid "$folder")"; then
        nr_log "PostgreSQL already running (pid $(nr_pg_pid "$folder"), port $port)"
    else
        # -w waits until it accepts connections; the port is given again in case the folder was made with another.
        nr_as "$NR_PG_USER" "$bin/pg_ctl" -D "$data" -l "$pg/postgres.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $run" start >/dev/null \
            || { nr_log "PostgreSQL did not start, see $pg/postgres.log"; tail -n 20 "$pg/postgres.log" >&2; return 1; }
        nr_log "PostgreSQL started (pid $(nr_pg_pid "$folder"), port $port, log $pg/postgres.log)"
    fi

    nr_as "$NR_PG_USER" "$bin/psql" -h "$run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
        -v pw="$password" >/dev/null <<'SQL'
SELECT 'CREATE ROLE newsreader LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsreader')
\gexec
ALTER ROLE newsreader WITH LOGIN CREATEDB PASSWORD :'pw';
SQL
    [ $? -eq 0 ] || { nr_log "could not create the role newsreader"; return 1; }
    echo "Host=127.0.0.1;Port=$port;Username=newsreader;Password=$password;Database=postgres"
}

# nr_pg_createdb <folder> <port> <name>: a database owned by newsreader, if it does not exist yet.
nr_pg_createdb() {
    local folder=$1 port=$2 name=$3 bin
    bin=$(nr_pg_bin) || return 1
    folder=$(cd "$folder" && pwd)
    nr_as "$NR_PG_USER" "$bin/psql" -h "$folder/postgres/run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
        -v name="$name" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I OWNER newsreader', :'name') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name')
\gexec
SQL
}

nr_pg_stop() {
    local folder=$1 bin pid
    [ -d "$folder/postgres/data" ] || return 0
    folder=$(cd "$folder" && pwd)
    pid=$(nr_pg_pid "$folder")
    if ! nr_pid_alive "$pid"; then
        return 0
    fi
    bin=$(nr_pg_bin) || return 1
    # Fast shutdown: open sessions are ended, committed work is kept.
    if ! nr_as "$NR_PG_USER" "$bin/pg_ctl" -D "$folder/postgres/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        nr_log "pg_ctl stop failed; ending PostgreSQL (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
    fi
    nr_log "PostgreSQL stopped (pid $pid)"
}

# --- Redis ----------------------------------------------------------------------------------------

nr_redis_pid() {
    local file="$1/redis/redis.pid"
    [ -f "$file" ] && cat "$file" || true
}

# nr_redis_start <folder> <port>: a cache only, nothing saved to disk.
nr_redis_start() {
    local folder=$1 port=$2 dir pid
    if ! command -v redis-server >/dev/null; then
        nr_log "Redis is not installed: apt-get install -y redis-server"
        return 1
    fi
    mkdir -p "$folder"
    folder=$(cd "$folder" && pwd)
    dir="$folder/redis"
    nr_check_reachable "$NR_REDIS_USER" "$folder" || return 1
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$NR_REDIS_USER": "$dir"
    chmod 700 "$dir"
    pid=$(nr_redis_pid "$folder")
    if nr_pid_alive "$pid"; then
        nr_log "Redis already running (pid $pid, port $port)"
        return 0
    fi
    nr_as "$NR_REDIS_USER" redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes \
        --save '' --appendonly no --dir "$dir" --daemonize yes \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    # It answers PING once it listens.
    for _ in $(seq 1 50); do
        if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && [ -s "$dir/redis.pid" ]; then
            nr_log "Redis started (pid $(nr_redis_pid "$folder"), port $port, log $dir/redis.log)"
            return 0
        fi
        sleep 0.1
    done
    nr_log "Redis did not answer on port $port, see $dir/redis.log"
    tail -n 20 "$dir/redis.log" >&2 || true
    return 1
}

nr_redis_stop() {
    local folder=$1 pid
    pid=$(nr_redis_pid "$folder")
    if ! nr_pid_alive "$pid"; then
        rm -f "$folder/redis/redis.pid"
        return 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
        nr_pid_alive "$pid" || break
        sleep 0.1
    done
    if nr_pid_alive "$pid"; then
        nr_log "Redis (pid $pid) did not stop in 5 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$folder/redis/redis.pid"
    nr_log "Redis stopped (pid $pid)"
}

nr_services_status() {
    local folder=$1 pid
    pid=$(nr_pg_pid "$folder")
    if nr_pid_alive "$pid"; then echo "postgres  up    pid $pid"; else echo "postgres  down"; fi
    pid=$(nr_redis_pid "$folder")
    if nr_pid_alive "$pid"; then echo "redis     up    pid $pid"; else echo "redis     down"; fi
}

# Run as a command rather than sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        pg-start) nr_pg_start "${2:?folder}" "${3:?port}" "${4:-durable}" ;;
        pg-stop) nr_pg_stop "${2:?folder}" ;;
        redis-start) nr_redis_start "${2:?folder}" "${3:?port}" ;;
        redis-stop) nr_redis_stop "${2:?folder}" ;;
        status) nr_services_status "${2:?folder}" ;;
        *)
            echo "usage: $0 pg-start <folder> <port> [fast] | pg-stop <folder> | redis-start <folder> <port> | redis-stop <folder> | status <folder>" >&2
            exit 2
            ;;
    esac
fi
