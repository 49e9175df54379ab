#!/usr/bin/env bash
# The several-machines layout on one machine: PostgreSQL, Redis, two NewsReader instances and nginx
# in front of them, everything in one folder and on loopback ports, no system service changed.
#
#   deploy/local-cluster.sh start    installs what is missing (apt), starts what is not running
#   deploy/local-cluster.sh status   each component up or down, with its process id and port
#   deploy/local-cluster.sh stop     stops everything start started, by the process ids it wrote
#
# Then open http://localhost:8080. Reader pages go to both instances in turn; /admin, /account and
# /_blazor (the admin's Blazor circuits) stay on one instance per client address.
#
# The folder is deploy/.cluster/ (git ignores it) unless NEWSREADER_CLUSTER_DIR names another;
# in it: postgres/ and redis/ (deploy/services.sh), app/ (the published site, built on the first
# start), instance-5101.log and .pid (and 5102), sqlite/ (only with the override below), nginx/
# (nginx.conf, access.log with the instance that answered each request, error.log).
#
# Settings (environment variables):
#   NEWSREADER_CLUSTER_DIR        the folder (default deploy/.cluster)
#   NEWSREADER_CLUSTER_DATABASE   postgres (default) | sqlite: both instances on one SQLite file
#                                 instead (one machine only; PostgreSQL is still started)
#   NEWSREADER_CLUSTER_REBUILD=1  publish the site again on start (only while no instance runs)
#   NewsReader__...               any site setting, e.g. NewsReader__Admin__Email and
#                                 NewsReader__Admin__Password, reaches both instances as it is
# Ports: nginx 8080, instances 5101 and 5102, PostgreSQL 55432, Redis 56379.

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/services.sh
source "$root/deploy/services.sh"

dir=${NEWSREADER_CLUSTER_DIR:-$root/deploy/.cluster}
database=${NEWSREADER_CLUSTER_DATABASE:-postgres}
front_port=8080
instance_ports=(5101 5102)
pg_port=55432
redis_port=56379

say() { echo "local-cluster: $*"; }
die() { echo "local-cluster: $*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_in() { [ -f "$1" ] && cat "$1" || true; }

# --- packages -------------------------------------------------------------------------------------

install_missing() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) or run this as root"
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists are fetched only when apt cannot find the packages without them. Debian's
    # packages start their own system services after installing; this script neither uses nor
    # changes them (its ports are its own).
    if ! apt-get install -y -qq "${missing[@]}" >/dev/null; then
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

# --- the site -------------------------------------------------------------------------------------

instances_running() {
    local port
    for port in "${instance_ports[@]}"; do
        nr_pid_alive "$(pid_in "$dir/instance-$port.pid")" && return 0
    done
    return 1
}

publish() {
    local dll="$dir/app/NewsReader.dll"
    if [ -f "$dll" ] && [ "${NEWSREADER_CLUSTER_REBUILD:-0}" != 1 ]; then
        return 0
    fi
    if instances_running; then
        say "instances are running: not publishing over them (stop first to rebuild)"
        return 0
    fi
    say "publishing the site to $dir/app (Release)"
    dotnet publish "$root/NewsReader/NewsReader.csproj" -c Release -o "$dir/app" -nologo -v quiet >"$dir/publish.log" 2>&1 \
        || { tail -n 30 "$dir/publish.log" >&2; die "dotnet publish failed, see $dir/publish.log"; }
}

# The settings both instances share.
instance_env() {
    local news
    if [ "$database" = sqlite ]; then
        mkdir -p "$dir/sqlite"
        echo "Database__Provider=Sqlite"
        echo "ConnectionStrings__News=Data Source=$dir/sqlite/newsreader.db"
    else
        news="Host=127.0.0.1;Port=$pg_port;Database=newsreader;Username=newsreader;Password=$(cat "$dir/postgres/password")"
        echo "Database__Provider=Postgres"
        echo "ConnectionStrings__News=$news"
    fi
    echo "ConnectionStrings__Redis=127.0.0.1:$redis_port"
    echo "ASPNETCORE_ENVIRONMENT=Production"
    # The sample stories, imported by the first instance into an empty database.
    echo "NewsReader__ContentDirectory=$root/data/articles"
    # nginx connects from 127.0.0.1, which NewsReader:KnownProxies trusts by default, so its
    # X-Forwarded-For and X-Forwarded-Proto are believed; nothing to set here. Behind a proxy on
    # another host, list it: NewsReader__KnownProxies__0=10.0.0.5.
}

start_instances() {
    local port pid started=()
    local -a env_lines
    mapfile -t env_lines < <(instance_env)
    for port in "${instance_ports[@]}"; do
        pid=$(pid_in "$dir/instance-$port.pid")
        if nr_pid_alive "$pid"; then
            say "instance :$port already running (pid $pid)"
            continue
        fi
        port_in_use "$port" && die "port $port is taken by another process"
        # Both start together: the first to take the database's start-up lock migrates and imports
        # the sample stories, the other waits and finds it done. Run from app/ so the content root
        # (wwwroot) is the published one.
        (cd "$dir/app" && exec env "${env_lines[@]}" nohup dotnet "$dir/app/NewsReader.dll" --urls "http://127.0.0.1:$port" \
            </dev/null >>"$dir/instance-$port.log" 2>&1) &
        echo $! >"$dir/instance-$port.pid"
        started+=("$port")
        say "instance :$port starting (pid $!, log $dir/instance-$port.log)"
    done
    for port in "${started[@]}"; do
        wait_healthy "$port"
    done
}

wait_healthy() {
    local port=$1 pid
    pid=$(pid_in "$dir/instance-$port.pid")
    for _ in $(seq 1 240); do
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null; then
            say "instance :$port healthy"
            return 0
        fi
        if ! nr_pid_alive "$pid"; then
            tail -n 20 "$dir/instance-$port.log" >&2
            die "instance :$port (pid $pid) exited, see $dir/instance-$port.log ('$0 stop' stops what did start)"
        fi
        sleep 0.5
    done
    die "instance :$port did not answer /healthz in 120 s, see $dir/instance-$port.log"
}

stop_pid_file() {
    local name=$1 file=$2 pid
    pid=$(pid_in "$file")
    if nr_pid_alive "$pid"; then
        kill -TERM "$pid"
        # The site finishes its requests and commits the reactions it holds before it exits.
        for _ in $(seq 1 150); do
            nr_pid_alive "$pid" || break
            sleep 0.1
        done
        if nr_pid_alive "$pid"; then
            say "$name (pid $pid) did not stop in 15 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        say "$name stopped (pid $pid)"
    fi
    rm -f "$file"
}

# --- nginx ----------------------------------------------------------------------------------------

write_nginx_conf() {
    local n="$dir/nginx" user="" listen6="" port servers=""
    mkdir -p "$n/temp"
    chmod a+x "$dir" "$n"
    # As root the master drops its workers to an unprivileged user (they own the temp folders).
    if [ "$(id -u)" -eq 0 ]; then
        if id www-data >/dev/null 2>&1; then user="user www-data;"; else user="user nobody nogroup;"; fi
    fi
    # localhost is ::1 as well as 127.0.0.1 where the machine has IPv6.
    [ -f /proc/net/if_inet6 ] && listen6="listen [::1]:$front_port;"
    for port in "${instance_ports[@]}"; do
        servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
    done
    cat >"$n/nginx.conf" <<EOF
# Written by deploy/local-cluster.sh on every start; edit the script, not this file.
$user
worker_processes 1;
pid $n/nginx.pid;
error_log $n/error.log warn;

events {
    worker_connections 1024;
}

http {
    # Which instance answered each request: upstream=127.0.0.1:5101 or :5102.
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                        'upstream=\$upstream_addr time=\$request_time';
    access_log $n/access.log upstream;

    client_body_temp_path $n/temp/client_body;
    proxy_temp_path $n/temp/proxy;
    fastcgi_temp_path $n/temp/fastcgi;
    uwsgi_temp_path $n/temp/uwsgi;
    scgi_temp_path $n/temp/scgi;

    # Pictures are uploaded through the admin's Blazor circuit, but an upload of up to
    # NewsReader:Media:Limits:MaxBytes (20 MB) must never be refused here first.
    client_max_body_size 25m;

    # A WebSocket asks to upgrade the connection; everything else keeps it alive to the instance.
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }

    # Reader pages, feeds, pictures, reactions: any instance can answer (they share the database,
    # the output cache in Redis and the Data Protection keys), so they take turns.
    upstream newsreader {
$servers        keepalive 32;
    }

    # The admin area runs on Blazor Server: a circuit lives in the memory of the instance that
    # opened it, and its negotiate request, WebSocket and reconnects must all reach that instance.
    # Open-source nginx has no sticky cookie (that is NGINX Plus' "sticky"), so the client's
    # address picks the instance: "hash ... consistent" uses the whole address (ip_hash only the
    # first three octets of an IPv4 one) and moves few clients when an instance is added or removed.
    upstream newsreader_sticky {
        hash \$remote_addr consistent;
$servers        keepalive 16;
    }

    server {
        listen 127.0.0.1:$front_port;
        $listen6

        proxy_http_version 1.1;
        # The site believes these from loopback (NewsReader:KnownProxies): the client's address
        # (which rate limits count) and scheme. nginx is the first hop here, so the address it saw
        # replaces anything the client sent. X-Forwarded-Host is sent for completeness; the site
        # takes its host from Host, or from NewsReader:PublicUrl when that is set.
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$remote_addr;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_set_header X-Forwarded-Host \$http_host;
        proxy_set_header Connection \$connection_upgrade;
        proxy_set_header Upgrade \$http_upgrade;

        location / {
            proxy_pass http://newsreader;
        }

        location /admin {
            proxy_pass http://newsreader_sticky;
        }

        location /account {
            proxy_pass http://newsreader_sticky;
        }

        location /_blazor {
            proxy_pass http://newsreader_sticky;
            # A circuit's WebSocket stays open while the editor works.
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
        }
    }
}
EOF
}

start_nginx() {
    local n="$dir/nginx" pid
    pid=$(pid_in "$n/nginx.pid")
    if nr_pid_alive "$pid"; then
        say "nginx already running (pid $pid, port $front_port)"
        return 0
    fi
    port_in_use "$front_port" && die "port $front_port is taken by another process"
    write_nginx_conf
    "$(nginx_bin)" -p "$n" -c "$n/nginx.conf" -e "$n/error.log" -t -q \
        || die "nginx refused $n/nginx.conf"
    "$(nginx_bin)" -p "$n" -c "$n/nginx.conf" -e "$n/error.log"
    for _ in $(seq 1 50); do
        [ -s "$n/nginx.pid" ] && break
        sleep 0.1
    done
    say "nginx started (pid $(pid_in "$n/nginx.pid"), http://localhost:$front_port)"
}

stop_nginx() {
    local n="$dir/nginx" pid
    pid=$(pid_in "$n/nginx.pid")
    nr_pid_alive "$pid" || { rm -f "$n/nginx.pid"; return 0; }
    # QUIT: the master lets its workers finish their requests, then exits and removes its pid file.
    kill -QUIT "$pid"
    for _ in $(seq 1 100); do
        nr_pid_alive "$pid" || break
        sleep 0.1
    done
    nr_pid_alive "$pid" && kill -TERM "$pid"
    rm -f "$n/nginx.pid"
    say "nginx stopped (pid $pid)"
}

# --- commands -------------------------------------------------------------------------------------

start() {
    case "$database" in postgres | sqlite) ;; *) die "NEWSREADER_CLUSTER_DATABASE must be postgres or sqlite" ;; esac
    install_missing
    mkdir -p "$dir"
    nr_pg_start "$dir" "$pg_port" >/dev/null
    nr_pg_createdb "$dir" "$pg_port" newsreader
    nr_redis_start "$dir" "$redis_port"
    publish
    start_instances
    start_nginx
    say "up: http://localhost:$front_port (database: $database)"
}

stop() {
    local port
    [ -d "$dir" ] || { say "nothing to stop ($dir does not exist)"; return 0; }
    stop_nginx
    for port in "${instance_ports[@]}"; do
        stop_pid_file "instance :$port" "$dir/instance-$port.pid"
    done
    nr_redis_stop "$dir"
    nr_pg_stop "$dir"
}

status() {
    local port pid any_down=0
    line() { # name pid port
        if nr_pid_alive "$2"; then
            printf '%-16s up    pid %-8s port %s\n' "$1" "$2" "$3"
        else
            printf '%-16s down  %-12s port %s\n' "$1" "" "$3"
            any_down=1
        fi
    }
    line postgres "$(nr_pg_pid "$dir")" "$pg_port"
    line redis "$(nr_redis_pid "$dir")" "$redis_port"
    for port in "${instance_ports[@]}"; do
        line "instance :$port" "$(pid_in "$dir/instance-$port.pid")" "$port"
    done
    line nginx "$(pid_in "$dir/nginx/nginx.pid")" "$front_port"
    return "$any_down"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
