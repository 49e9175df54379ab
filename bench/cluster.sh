#!/usr/bin/env bash
# The several-machines layout measured on one machine (BENCHMARKS.md, "Several instances"):
#   bench/cluster.sh                                   # 10,000 stories, 15 s per wrk run
#   BENCH_STORIES=2000 BENCH_DURATION=5s bench/cluster.sh   # a quicker look
# The story page, with wrk from loopback:
#   - one instance on SQLite and one on PostgreSQL, output cache on (cached) and off (uncached);
#   - through nginx: PostgreSQL + Redis, one instance behind it, then two.
# PostgreSQL and Redis run as unprivileged processes in the work folder (deploy/services.sh).
# On a 2-core machine two instances share the same two cores with wrk and nginx, so the second
# instance shows what the layout costs, not what a second machine would add.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/newsreader-cluster-bench}
STORIES=${BENCH_STORIES:-10000}
DURATION=${BENCH_DURATION:-15s}
APP="$WORK/app"
PG_PORT=55480
REDIS_PORT=56480
# shellcheck source=deploy/services.sh
. "$ROOT/deploy/services.sh"

for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx curl postgresql redis-server >/dev/null
        break
    }
done

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    nr_pg_stop "$WORK" >/dev/null 2>&1 || true
    nr_redis_stop "$WORK" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$WORK"
mkdir -p "$WORK" && chmod 755 "$WORK"
PG=$(nr_pg_start "$WORK" "$PG_PORT" fast)
nr_redis_start "$WORK" "$REDIS_PORT" >/dev/null
REDIS="127.0.0.1:$REDIS_PORT"
PG_NEWS="${PG/Database=postgres/Database=news}"

echo "== Publishing the site in Release"
dotnet publish "$ROOT/NewsReader" -c Release -o "$APP" --nologo -v quiet >/dev/null

echo "== Seeding $STORIES stories into SQLite and into PostgreSQL"
seed() { (cd "$WORK" && env "$@" dotnet "$APP/NewsReader.dll" seed-demo --count "$STORIES" >"$WORK/seed.log" 2>&1); }
export NewsReader__ContentDirectory="$WORK/no-samples" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
SQLITE_ENV=(ConnectionStrings__News="Data Source=$WORK/news.db")
POSTGRES_ENV=(Database__Provider=Postgres ConnectionStrings__News="$PG_NEWS")
seed "${SQLITE_ENV[@]}"
seed "${POSTGRES_ENV[@]}"

start() {
    local port=$1; shift
    (cd "$WORK" && exec env "$@" NewsReader__Limits__SearchesPerAddressPerMinute=1000000 \
        Logging__LogLevel__NewsReader.Related.RelatedBulkRanking=Information \
        dotnet "$APP/NewsReader.dll" --urls "http://127.0.0.1:$port" >"$WORK/site-$port.log" 2>&1) &
    PIDS+=($!)
}
start 5401 "${SQLITE_ENV[@]}"
start 5402 "${SQLITE_ENV[@]}" NewsReader__OutputCache=false
start 5403 "${POSTGRES_ENV[@]}"
start 5404 "${POSTGRES_ENV[@]}" NewsReader__OutputCache=false
start 5407 Database__Provider=Postgres ConnectionStrings__News="$PG_NEWS;Max Auto Prepare=64" NewsReader__OutputCache=false
start 5405 "${POSTGRES_ENV[@]}" ConnectionStrings__Redis="$REDIS"
start 5406 "${POSTGRES_ENV[@]}" ConnectionStrings__Redis="$REDIS"
for port in 5401 5402 5403 5404 5405 5406 5407; do
    for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
done

# A seeded archive is ranked for related stories in the background by one instance per database;
# measured meanwhile, that work would be in every number.
echo "== Waiting for the related-stories ranking of both databases"
for logs in "site-5401.log site-5402.log" "site-5403.log site-5404.log site-5405.log site-5406.log site-5407.log"; do
    for _ in $(seq 1 1800); do
        (cd "$WORK" && grep -q "the whole archive is ranked" $logs) && break
        sleep 1
    done
done

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
    upstream one { server 127.0.0.1:5405; keepalive 64; }
    upstream two { server 127.0.0.1:5405; server 127.0.0.1:5406; keepalive 64; }
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    server { listen 127.0.0.1:5410; location / { proxy_pass http://one; } }
    server { listen 127.0.0.1:5411; location / { proxy_pass http://two; } }
}
CONF
nginx -c "$WORK/nginx/nginx.conf"

story=$(curl -s "http://127.0.0.1:5401/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
echo "story $story"

measure() {
    local out
    wrk -t2 -c32 -d3s "$1" >/dev/null
    out=$(wrk -t2 -c32 -d"$DURATION" --latency "$1")
    printf '%s|%s|%s|%s\n' "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")" \
        "$(awk '$1 == "50%" { print $2 }' <<<"$out")" "$(awk '$1 == "99%" { print $2 }' <<<"$out")" \
        "$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")"
}
row() { local m; m=$(measure "$2"); echo "| $1 | $(cut -d'|' -f1 <<<"$m") | $(cut -d'|' -f2 <<<"$m") | $(cut -d'|' -f3 <<<"$m") | $(cut -d'|' -f4 <<<"$m" | sed 's/^$/none/') |"; }

echo
echo "### The story page, wrk -t2 -c32 -d$DURATION, $STORIES stories, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| setup | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
row "SQLite, one instance, cached" "http://127.0.0.1:5401$story"
row "PostgreSQL, one instance, cached (in-process cache)" "http://127.0.0.1:5403$story"
row "SQLite, one instance, uncached" "http://127.0.0.1:5402$story"
row "PostgreSQL, one instance, uncached" "http://127.0.0.1:5404$story"
row "PostgreSQL, one instance, uncached, Max Auto Prepare=64" "http://127.0.0.1:5407$story"
row "PostgreSQL + Redis, one instance behind nginx, cached" "http://127.0.0.1:5410$story"
row "PostgreSQL + Redis, two instances behind nginx, cached" "http://127.0.0.1:5411$story"
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
