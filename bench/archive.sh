#!/usr/bin/env bash
# Archive-size benchmark (issue 6, target 4): seeds 100,000 stories into a fresh database with the
# Release build, then measures p50/p99 of five reader pages, uncached, with the site in Production.
#
# usage: bench/archive.sh <published-dir | NewsReader.dll> <db-path> <port> [count]
#   published dir: the output of `dotnet publish NewsReader -c Release -o <dir>`
#   db-path: a database file to create (deleted first, with its -wal/-shm), e.g. /tmp/archive.db
#   KEEP_DB=1 keeps an existing database and skips the seed (re-measure without re-seeding).
#   DURATION=10s changes wrk's run length per page.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 <published-dir|NewsReader.dll> <db-path> <port> [count]" >&2
  exit 2
fi
target=$1 db=$2 port=$3 count=${4:-100000}
duration=${DURATION:-10s}
if [[ -d $target ]]; then dll="$(cd "$target" && pwd)/NewsReader.dll"; else dll="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"; fi
[[ -f $dll ]] || { echo "no NewsReader.dll at $dll" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
appdir=$(dirname "$dll")
base="http://127.0.0.1:$port"
connection="--ConnectionStrings:News=Data Source=$db"

# The published folder is the content root: appsettings.json (log levels) and data/ live there.
cd "$appdir"

if [[ ${KEEP_DB:-0} != 1 || ! -f $db ]]; then
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s.%N)
  DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$dll" seed-demo --count "$count" "$connection" >/tmp/archive-seed.$$.log 2>&1 \
    || { cat /tmp/archive-seed.$$.log >&2; exit 1; }
  end=$(date +%s.%N)
  printf 'seed %d stories: %.1f s wall (%s)\n' "$count" "$(echo "$end - $start" | bc)" "$(grep -o '[0-9]* demo stories added in .*' /tmp/archive-seed.$$.log | tail -n 1)"
  rm -f /tmp/archive-seed.$$.log
fi

log=$(mktemp /tmp/archive-site.XXXXXX.log)
ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" "$connection" --urls "$base" \
  --NewsReader:OutputCache=false --NewsReader:Limits:SearchesPerAddressPerMinute=100000000 >"$log" 2>&1 &
server=$!
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT

for _ in $(seq 1 600); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { echo "site did not answer /healthz" >&2; cat "$log" >&2; exit 1; }

started=$(date +%s)
# Pick real URLs from the site itself: a story from deep in the archive (page 2,000) and the app
# bar's first category (the one with most stories).
deep=$(curl -fs "$base/?page=2000")
story=$(grep -o 'href="/articles/[^"]*"' <<<"$deep" | head -n 1 | sed 's/^href="//; s/"$//')
category=$(grep -o 'href="/categories/[^"?]*"' <<<"$deep" | head -n 1 | sed 's/^href="//; s/"$//')
[[ -n $story && -n $category ]] || { echo "could not find a story and a category on page 2000" >&2; exit 1; }

# seed-demo leaves the related stories of a bulk load to the site, which computes them in the
# background after it starts (RelatedStoriesCatchUp); measure once they are there, so that the
# story page is measured with its related stories and nothing else is using the CPU.
for _ in $(seq 1 480); do
  curl -fs "$base$story" | grep -q 'class="related-stories"' && break
  sleep 5
done
curl -fs "$base$story" | grep -q 'class="related-stories"' \
  || { echo "related stories did not appear on $story within 40 minutes" >&2; exit 1; }
echo "related stories ready $(( $(date +%s) - started )) s after the site answered"

# Let the catch-up's last writes settle and the JIT reach its optimised code before timing.
sleep 3
for path in / "/?page=2000" "$story" "$category" "/search?q=${SEARCH_WORD:-harbour}"; do
  wrk -t1 -c1 -d2s "$base$path" >/dev/null
done

# Every page must answer 200 before it is timed (a fast 404 is no result).
measure() {
  local name=$1 path=$2 status out p50 p99
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [[ $status == 200 ]] || { echo "$name $path answered $status" >&2; return 1; }
  out=$(wrk -t1 -c1 -d"$duration" --latency "$base$path")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$name: wrk saw non-2xx answers" >&2; fi
  printf '%-9s p50=%s p99=%s  (%s)\n' "$name" "$p50" "$p99" "$path"
}

measure home "/"
measure home-2000 "/?page=2000"
measure story "$story"
measure category "$category"
# A topic word (in about one story in eight) and a word in nearly every generated story.
measure search "/search?q=${SEARCH_WORD:-harbour}"
measure search-all "/search?q=council"
