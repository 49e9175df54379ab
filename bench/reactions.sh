#!/usr/bin/env bash
# Reactions at scale: 1,000 readers posting at once, then wrk holding 1,000 connections of readers
# reacting for BENCH_DURATION; prints reactions/s and checks rows == counts == answered posts.
#
#   bench/reactions.sh              publishes this checkout in Release and measures it
#   bench/reactions.sh APP_FOLDER   measures an already published site (e.g. an older commit's,
#                                   for a before/after in the same hour; its counts show "n/a")
#
# The site runs in Production on 127.0.0.1 with a fresh database of the sample stories and the
# per-address limits lifted (every post comes from one address here). wrk keeps no cookies, so every
# request is a new reader. Not a test: numbers depend on what else the machine is doing (printed).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/newsreader-bench-reactions}
PORT=${BENCH_PORT:-5191}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-1000}
DB="$WORK/news.db"

command -v wrk >/dev/null && command -v sqlite3 >/dev/null && command -v curl >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sqlite3 curl >/dev/null
}
# wrk, the site and 1,000 curl processes each hold a socket per connection: 1,024 is not enough.
ulimit -n "$(ulimit -Hn)"

mkdir -p "$WORK"
if [ $# -ge 1 ]; then
    APP=$(cd "$1" && pwd)
else
    APP="$WORK/app"
    echo "== Publishing the site in Release (ReadyToRun, as bench/run.sh does)"
    dotnet publish "$ROOT/NewsReader" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$APP" --nologo -v quiet >/dev/null
fi

rm -f "$DB" "$DB-wal" "$DB-shm"
(cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet NewsReader.dll \
    --urls "http://127.0.0.1:$PORT" --ConnectionStrings:News="Data Source=$DB" \
    --NewsReader:ContentDirectory="$ROOT/data/articles" \
    --NewsReader:Reactions:PerAddressPerMinute=100000000 \
    --NewsReader:Reactions:NewReadersPerAddressPerMinute=100000000 \
    --NewsReader:Reactions:NewReadersPerAddressPerStoryPerMinute=100000000 >"$WORK/site.log" 2>&1) &
SITE_PID=$!
trap 'kill $SITE_PID 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.05; done
story=$(curl -s "$base/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
slug=${story#/articles/}

rows() { sqlite3 "$DB" "SELECT COUNT(*) FROM Reactions;"; }
counts() { sqlite3 "$DB" "SELECT COALESCE(SUM(Count), 0) FROM ReactionCounts;" 2>/dev/null || echo n/a; }
# Rows per story and kind that the counts table disagrees with (0 when exact; n/a before the table existed).
mismatches() {
    sqlite3 "$DB" "WITH r AS (SELECT ArticleId, Kind, COUNT(*) n FROM Reactions GROUP BY 1, 2)
        SELECT (SELECT COUNT(*) FROM r LEFT JOIN ReactionCounts c USING (ArticleId, Kind) WHERE c.Count IS NOT r.n)
             + (SELECT COUNT(*) FROM ReactionCounts c LEFT JOIN r USING (ArticleId, Kind) WHERE c.Count <> COALESCE(r.n, 0));" 2>/dev/null || echo n/a
}

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); story $story"

echo "== 1,000 new readers posting at once (4 curl processes, 250 parallel transfers each)"
# Four processes rather than a thousand: starting 1,000 curls on a busy 2-core machine took longer
# than the posts themselves (60-140 s). curl caps --parallel-max at 300, hence four of them.
before=$(rows)
urls=$(for _ in $(seq 250); do printf -- '-o /dev/null %s ' "$base$story/reactions"; done)
started=$(date +%s%3N)
burst=$(for _ in 1 2 3 4; do
    # shellcheck disable=SC2086 # one URL per word
    curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 250 -w '%{http_code}\n' --max-time 60 -X POST \
        -H "Origin: $base" -H 'Sec-Fetch-Site: same-origin' -d kind=happy $urls &
done | sort | uniq -c | tr -s ' \n' ' ')
burst_ms=$(( $(date +%s%3N) - started ))
echo "answers:$burst in $burst_ms ms; rows $before -> $(rows), counts $(counts), mismatches $(mismatches)"

# A profile of the first seconds under load showed 30% of the site's CPU in the JIT's tier-up; a
# server's steady state is what is measured (run.sh warms up its page runs the same way).
STORY="$story" PORT=$PORT wrk -t2 -c100 -d10s -s "$ROOT/bench/react.lua" "$base" >/dev/null

echo "== wrk -t2 -c$CONNECTIONS -d$DURATION, each request a new reader"
before=$(rows)
out=$(STORY="$story" PORT=$PORT wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$ROOT/bench/react.lua" "$base")
sleep 1 # posts still in flight when wrk stopped counting finish now
after=$(rows)
answered=$(awk '/requests in/ { print $1 }' <<<"$out")
rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")
shown=$(curl -s "$base$story" | grep -o '<p class="reaction-total"[^>]*>[^<]*' | sed 's/.*>//')
echo "$rps reactions/s (p50 $p50, p99 $p99); answered $answered, stored $((after - before)) (the difference: posts wrk" \
    "sent but stopped waiting for at the end); rows $after, counts $(counts), mismatches $(mismatches);" \
    "the page shows \"$shown\"; errors: ${errors:-none}; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$out" >"$WORK/wrk.txt"
