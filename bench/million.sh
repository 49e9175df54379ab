#!/usr/bin/env bash
# A million stories: seed time and peak memory of `seed-demo`, then single-request latency of every
# kind of reader page with the output cache off, and the site's resident memory under load.
#
# usage: bench/million.sh <published-dir> <db-path> [count]
#   published dir: `dotnet publish NewsReader -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o <dir>`
#   KEEP_DB=1 keeps an existing database and skips the seed. DURATION (default 10s) per page.
#   PORT (default 5390).
# The related stories of a bulk load are ranked by the site in the background, at low priority,
# after it starts; the pages are measured while that runs (as on a real site after an import), and
# the script prints how far it got.
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 <published-dir> <db-path> [count]" >&2; exit 2; }
app=$(cd "$1" && pwd) db=$2 count=${3:-1000000}
duration=${DURATION:-10s} port=${PORT:-5390}
base="http://127.0.0.1:$port"
connection="--ConnectionStrings:News=Data Source=$db"
for tool in wrk sqlite3; do command -v $tool >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 2; }; done
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is not installed (apt-get install -y time)" >&2; exit 2; }
cd "$app"

if [[ ${KEEP_DB:-0} != 1 || ! -f $db ]]; then
  rm -f "$db" "$db-wal" "$db-shm"
  log=$(mktemp)
  DOTNET_ENVIRONMENT=Production /usr/bin/time -v dotnet NewsReader.dll seed-demo --count "$count" "$connection" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  peak=$(grep 'Maximum resident' "$log" | awk '{print $NF}')
  echo "seed $count stories: wall $wall, peak RSS $((peak / 1024)) MB ($(grep -o '[0-9]* demo stories added in .*' "$log" | tail -n 1))"
  rm -f "$log"
fi
echo "database: $(du -h "$db" | cut -f1)"

sitelog=$(mktemp)
ASPNETCORE_ENVIRONMENT=Production dotnet NewsReader.dll "$connection" --urls "$base" \
  --NewsReader:OutputCache=false --NewsReader:Limits:SearchesPerAddressPerMinute=100000000 >"$sitelog" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$sitelog"' EXIT
for _ in $(seq 1 600); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/healthz" >/dev/null || { cat "$sitelog" >&2; exit 1; }

home=$(curl -fs "$base/")
deep=$(curl -fs "$base/?page=2000")
story=$(grep -o 'href="/articles/[^"]*"' <<<"$deep" | head -n 1 | sed 's/^href="//; s/"$//')
category=$(grep -o 'href="/categories/[^"?]*"' <<<"$deep" | head -n 1 | sed 's/^href="//; s/"$//')
tag=$(curl -fs "$base$story" | grep -o 'href="/tags/[^"?]*"' | head -n 1 | sed 's/^href="//; s/"$//')
author=$(curl -fs "$base$story" | grep -o 'href="/authors/[^"?]*"' | head -n 1 | sed 's/^href="//; s/"$//')
last=$(grep -o 'Page 1 of [0-9,]*' <<<"$home" | grep -o '[0-9,]*$' | tr -d , || true)
last=${last:-$(( (count + 19) / 20 ))}
# A word in one story (its number, from its title) and a word in nearly every generated story.
rare=$(grep -o 'story-[0-9]*$' <<<"$story" | cut -d- -f2)

for path in / "/?page=2000" "$story" "$category" "/search?q=$rare"; do wrk -t1 -c1 -d2s "$base$path" >/dev/null; done

measure() {
  local name=$1 path=$2 status out
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [[ $status == 200 ]] || { printf '| %s | `%s` | answered %s | |\n' "$name" "$path" "$status"; return 0; }
  out=$(wrk -t1 -c1 -d"$duration" --latency "$base$path")
  printf '| %s | `%s` | %s | %s |\n' "$name" "$path" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" "$(awk '$1 == "99%" { print $2 }' <<<"$out")"
}

echo
echo "| page | address | p50 | p99 |"
echo "|---|---|--:|--:|"
measure home "/"
measure "home, page 2,000" "/?page=2000"
measure "home, last page" "/?page=$last"
measure story "$story"
measure category "$category"
measure "category, page 1,000" "$category?page=1000"
measure tag "$tag"
[[ -n $author ]] && measure author "$author"
measure "search, rare word" "/search?q=$rare"
measure "search, topic word" "/search?q=harbour"
measure "search, word in most stories" "/search?q=council"

# Memory under load: 32 connections over story pages and list pages at random depths.
cat >/tmp/million-mix.lua <<EOF
local paths = { "/", "/?page=2000", "$story", "$category", "$tag", "/search?q=harbour" }
request = function()
  local r = math.random(1, 10)
  if r <= 6 then return wrk.format("GET", paths[math.random(1, #paths)]) end
  return wrk.format("GET", "/?page=" .. math.random(1, $last))
end
EOF
load=$(wrk -t2 -c32 -d20s -s /tmp/million-mix.lua "$base")
echo
echo "mixed load, wrk -t2 -c32 -d20s: $(grep 'Requests/sec' <<<"$load" | awk '{print $2}') requests/s, $(grep -c 'Non-2xx' <<<"$load" || true) non-2xx lines"
echo "resident memory after it: $(( $(grep VmRSS /proc/$server/status | awk '{print $2}') / 1024 )) MB (peak $(( $(grep VmHWM /proc/$server/status | awk '{print $2}') / 1024 )) MB)"
echo "related stories catch-up: $(sqlite3 -readonly "$db" "SELECT group_concat(Name || '=' || Version, ', ') FROM DataVersions WHERE Name LIKE 'related-bulk-%'" || echo unknown) (none listed: finished)"
