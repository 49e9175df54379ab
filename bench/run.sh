#!/usr/bin/env bash
# Reproduces the tables in BENCHMARKS.md on this machine:
#   bench/run.sh                 # 100,000 stories, 15 s per wrk run (about 15 minutes)
#   BENCH_STORIES=20000 BENCH_DURATION=5s bench/run.sh   # a quicker look
# Every load comes from one address, so the per-address limits (reactions, searches) are lifted.
# It installs wrk, nginx and sqlite3 with apt if they are missing, publishes the site in Release,
# seeds a fresh database with generated stories, and measures the site in Production mode on
# loopback: cached and uncached pages against nginx serving the same bytes, latency of the big
# archive, reactions, static files, compression, memory and start time. Nothing here is a test:
# numbers depend on the machine and on whatever else it is doing (the table prints the load).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/newsreader-bench}
STORIES=${BENCH_STORIES:-100000}
DURATION=${BENCH_DURATION:-15s}
APP="$WORK/app"
DB="$WORK/news.db"
NGINX_PORT=5180
CACHED_PORT=5181
UNCACHED_PORT=5182
COMPRESSED_PORT=5183
RESULTS="$WORK/results.md"

install_missing() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v curl >/dev/null || missing+=(curl)
    command -v bc >/dev/null || missing+=(bc)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]}..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Starts the published site in Production on a port with extra settings; sets SITE_PID.
start_site() {
    local port=$1; shift
    (cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet NewsReader.dll \
        --urls "http://127.0.0.1:$port" --ConnectionStrings:News="Data Source=$DB" \
        --NewsReader:Reactions:PerAddressPerMinute=100000000 --NewsReader:Reactions:NewReadersPerAddressPerMinute=100000000 \
        --NewsReader:Reactions:NewReadersPerAddressPerStoryPerMinute=100000000 \
        --NewsReader:Limits:SearchesPerAddressPerMinute=100000000 "$@" >"$WORK/site-$port.log" 2>&1) &
    SITE_PID=$!
    PIDS+=("$SITE_PID")
}

# Waits until the home page answers; prints the milliseconds since $1.
wait_for_site() {
    local port=$1 started=$2
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/"; then
            echo $(( $(now_ms) - started ))
            return 0
        fi
        sleep 0.02
    done
    echo "the site on port $port did not start; see $WORK/site-$port.log" >&2
    exit 1
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# One wrk run; prints "rps|p50|p99|errors".
measure() {
    local url=$1; shift
    local out
    out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@" "$url")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")
    echo "$rps|$p50|$p99|${errors:-none}"
}

row() { echo "| $1 | $(cut -d'|' -f1 <<<"$2") | $(cut -d'|' -f2 <<<"$2") | $(cut -d'|' -f3 <<<"$2") | $3 | $(cut -d'|' -f4 <<<"$2") |" | tee -a "$RESULTS"; }

install_missing
mkdir -p "$WORK"
: >"$RESULTS"

echo "== Publishing the site in Release (ReadyToRun, framework-dependent, as for a server)"
dotnet publish "$ROOT/NewsReader" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$APP" --nologo -v quiet >/dev/null

echo "== Seeding $STORIES stories, then latency of single requests with the output cache off (bench/archive.sh)"
archive=$(DURATION=${BENCH_DURATION:-10s} "$ROOT/bench/archive.sh" "$APP" "$DB" "$UNCACHED_PORT" "$STORIES" | tee /dev/stderr)

echo "== Starting the site (output cache on, then off) on the seeded database"
started=$(now_ms); start_site $CACHED_PORT; CACHED_PID=$SITE_PID
first_start_ms=$(wait_for_site $CACHED_PORT "$started")
start_site $UNCACHED_PORT --NewsReader:OutputCache=false; UNCACHED_PID=$SITE_PID
wait_for_site $UNCACHED_PORT "$(now_ms)" >/dev/null

base="http://127.0.0.1:$CACHED_PORT"
story=$(curl -s "$base/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
category=$(curl -s "$base/" | grep -o 'href="/categories/[^"]*"' | head -1 | cut -d'"' -f2)
echo "story $story, category $category"

echo "== nginx serving the story page's bytes as a static file (one worker)"
mkdir -p "$WORK/www" "$WORK/nginx"
curl -s "$base$story" -o "$WORK/www/story.html"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    open_file_cache max=16;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        default_type text/html;
    }
}
EOF
nginx -c "$WORK/nginx/nginx.conf"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo
    echo "### Throughput: wrk -t2 -c32 -d$DURATION, $STORIES stories"
    echo
    echo "| what | requests/s | p50 | p99 | × nginx | errors |"
    echo "|---|--:|--:|--:|--:|---|"
} | tee -a "$RESULTS"

# Warm both sites (JIT, SQLite page cache, output cache) before measuring.
for url in "$story" / "$category"; do
    wrk -t2 -c32 -d3s "$base$url" >/dev/null
    wrk -t2 -c32 -d3s "http://127.0.0.1:$UNCACHED_PORT$url" >/dev/null
done
wrk -t1 -c8 -d3s "http://127.0.0.1:$NGINX_PORT/story.html" >/dev/null

nginx_result=$(measure "http://127.0.0.1:$NGINX_PORT/story.html")
nginx_rps=$(cut -d'|' -f1 <<<"$nginx_result")
ratio() { awk -v a="$(cut -d'|' -f1 <<<"$1")" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }'; }
row "nginx, static copy of the story page" "$nginx_result" "1.00"
for page in "story page|$story" "home|/" "category page|$category"; do
    result=$(measure "$base${page#*|}")
    row "${page%%|*}, output cache" "$result" "$(ratio "$result")"
done
for page in "story page|$story" "home|/" "category page|$category"; do
    result=$(measure "http://127.0.0.1:$UNCACHED_PORT${page#*|}")
    row "${page%%|*}, OutputCache=false" "$result" "$(ratio "$result")"
done

{
    echo
    echo "### Archive: seed time and latency of single requests (wrk -t1 -c1), output cache off, $STORIES stories"
    echo
    echo '```'
    echo "$archive"
    echo '```'
} | tee -a "$RESULTS"

echo "== Reactions: 200 readers posting at once, then wrk with 200 connections"
reactions_before=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Reactions;")
burst_started=$(now_ms)
burst=$(seq 200 | xargs -P 200 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
    -H "Origin: $base" -H 'Sec-Fetch-Site: same-origin' -d kind=happy "$base$story/reactions" | sort | uniq -c | tr -s ' \n' ' ')
burst_ms=$(( $(now_ms) - burst_started ))
reactions_burst=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Reactions;")
react_out=$(STORY="$story" PORT=$CACHED_PORT wrk -t2 -c200 -d10s --timeout 30s -s "$ROOT/bench/react.lua" "$base")
reactions_after=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Reactions;")
react_requests=$(awk '/requests in/ { print $1 }' <<<"$react_out")
react_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$react_out")
react_errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$react_out")
shown=$(curl -s "$base$story" | grep -o '<p class="reaction-total"[^>]*>[^<]*' | sed 's/.*>//')

echo "== Static files and compression"
css=$(curl -s "$base/" | grep -o 'href="reader\.[^"]*\.css"' | head -1 | cut -d'"' -f2)
css_cache=$(curl -s -o /dev/null -D - "$base/$css" | awk -F': ' 'tolower($1) == "cache-control" { sub(/\r/, "", $2); print $2 }')
css_plain=$(curl -s "$base/$css" | wc -c)
css_br=$(curl -s -H 'Accept-Encoding: br' "$base/$css" | wc -c)
css_rps=$(measure "$base/$css" -H 'Accept-Encoding: br' | cut -d'|' -f1)
page_plain=$(curl -s "$base$story" | wc -c)
kill "$UNCACHED_PID"
started=$(now_ms); start_site $COMPRESSED_PORT --NewsReader:CompressResponses=true
wait_for_site $COMPRESSED_PORT "$started" >/dev/null
COMPRESSED_PID=$SITE_PID
page_gzip=$(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$COMPRESSED_PORT$story" | wc -c)
wrk -t2 -c32 -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$COMPRESSED_PORT$story" >/dev/null
compressed=$(measure "http://127.0.0.1:$COMPRESSED_PORT$story" -H 'Accept-Encoding: gzip')
plain_again=$(measure "$base$story" -H 'Accept-Encoding: gzip')
kill "$COMPRESSED_PID"

rss_cached=$(rss_mb "$CACHED_PID")
kill "$CACHED_PID"; wait "$CACHED_PID" 2>/dev/null || true

echo "== Start time on the existing database (3 starts)"
starts=()
for _ in 1 2 3; do
    started=$(now_ms); start_site $CACHED_PORT
    starts+=("$(wait_for_site $CACHED_PORT "$started")")
    kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true
done

{
    echo
    echo "### Reactions, archive, static files, memory, start"
    echo
    echo "| measurement | result |"
    echo "|---|---|"
    echo "| 200 readers react at once (200 parallel curl POSTs) | answers (count, status): $burst; $(( reactions_burst - reactions_before )) stored; ${burst_ms} ms for all |"
    echo "| reactions: wrk -t2 -c200 -d10s, each request a new reader | $react_rps reactions/s; $react_requests answered, $(( reactions_after - reactions_burst )) stored; the page then shows \"$shown\"; errors: ${react_errors:-none} |"
    echo "| fingerprinted CSS ($css) | Cache-Control: $css_cache; $css_plain bytes, $css_br with Brotli (precompressed at publish); $css_rps requests/s |"
    echo "| story page, output cache, gzip on (CompressResponses=true) | $(cut -d'|' -f1 <<<"$compressed") requests/s, p99 $(cut -d'|' -f3 <<<"$compressed"), $page_gzip bytes |"
    echo "| story page, output cache, gzip off (default) | $(cut -d'|' -f1 <<<"$plain_again") requests/s, p99 $(cut -d'|' -f3 <<<"$plain_again"), $page_plain bytes |"
    echo "| resident memory of the cached site after the runs above | $rss_cached MB |"
    echo "| start to first answered page, existing database | ${first_start_ms} ms right after the seed; then ${starts[*]} ms |"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(dotnet --version) SDK; load average before the wrk runs: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')."
} | tee -a "$RESULTS"

echo
echo "Results written to $RESULTS"
