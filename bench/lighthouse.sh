#!/usr/bin/env bash
# Lighthouse 12 (mobile, simulated slow 4G) on the published site, for home and one story:
#   bench/lighthouse.sh
# Publishes the site in Release, starts it in Production on a temporary database with the sample
# stories (data/articles), installs npm `lighthouse` 12.x into $LH_DIR (default
# /tmp/newsreader-lighthouse/npm) if it is not there, runs it with the system Chromium and prints
# the four scores, FCP, LCP and total bytes per page. Also prints what a reader's first visit to a
# story downloads (HTML + CSS + JS, as served to Accept-Encoding: br, gzip) and the headers of the
# fingerprinted assets. Reports (JSON) stay in $WORK; nothing is written to the repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${LH_WORK:-/tmp/newsreader-lighthouse}
LH_DIR=${LH_DIR:-$WORK/npm}
PORT=${LH_PORT:-5190}
RUNS=${LH_RUNS:-3}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export CHROME_PATH
BASE="http://127.0.0.1:$PORT"

mkdir -p "$WORK"
rm -rf "$WORK/app" "$WORK/news.db"*

if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
    echo "Installing lighthouse 12 into $LH_DIR..."
    mkdir -p "$LH_DIR"
    npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error "lighthouse@12" >/dev/null
fi
LIGHTHOUSE="$LH_DIR/node_modules/.bin/lighthouse"

echo "Publishing (Release)..."
dotnet publish "$ROOT/NewsReader/NewsReader.csproj" -c Release -o "$WORK/app" -nologo -v quiet >/dev/null

SITE_PID=
cleanup() { [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true; }
trap cleanup EXIT

# Served over plain HTTP like a site behind no proxy, so pages are compressed by the app itself
# (NewsReader:CompressResponses, see docs/speed-and-caching.md).
(cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet NewsReader.dll --urls "$BASE" \
    --ConnectionStrings:News="Data Source=$WORK/news.db" --NewsReader:ContentDirectory="$ROOT/data/articles" \
    --NewsReader:CompressResponses=true >"$WORK/site.log" 2>&1) &
SITE_PID=$!
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$BASE/" && break
    sleep 0.5
done
curl -sf -o /dev/null "$BASE/" || { echo "the site did not start; see $WORK/site.log"; exit 1; }

STORY=$(curl -s "$BASE/" | grep -o 'href="/articles/[^"#]*"' | head -1 | sed 's/^href="//; s/"$//')
echo "Story: $STORY"

# What a reader's first visit to the story downloads: the page, then every stylesheet and script it links.
served() { curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$BASE$1"; }
html_bytes=$(served "$STORY")
total=$html_bytes
echo
echo "First visit to $STORY (bytes as served, Accept-Encoding: br, gzip):"
printf '  %-48s %8s\n' "$STORY" "$html_bytes"
for asset in $(curl -s "$BASE$STORY" | grep -oE '(href|src)="[^"]+\.(css|js)"' | sed -E 's/^(href|src)="//; s/"$//'); do
    [[ $asset == /* ]] || asset="/$asset"
    bytes=$(served "$asset")
    total=$((total + bytes))
    printf '  %-48s %8s  %s\n' "$asset" "$bytes" \
        "$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$BASE$asset" | grep -iE '^(content-encoding|cache-control):' | tr -d '\r' | tr '\n' ' ')"
done
printf '  %-48s %8s (%s KiB)\n' "total" "$total" "$(echo "scale=1; $total / 1024" | bc)"

run_lighthouse() {
    local name=$1 url=$2
    "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$WORK/$name.report.json" \
        --chrome-flags="--headless=new --no-sandbox" \
        --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1
    node -e '
        const r = require(process.argv[1]);
        const c = r.categories, a = r.audits;
        const score = k => Math.round(c[k].score * 100);
        console.log([process.argv[2].padEnd(8), score("performance"), score("accessibility"),
            score("best-practices"), score("seo"), a["first-contentful-paint"].displayValue,
            a["largest-contentful-paint"].displayValue, Math.round(a["total-byte-weight"].numericValue / 1024) + " KiB",
            "TBT " + a["total-blocking-time"].displayValue, "SI " + a["speed-index"].displayValue].join(" | "));
    ' "$WORK/$name.report.json" "$name"
}

echo
echo "Lighthouse $("$LIGHTHOUSE" --version), mobile, simulated throttling; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each page $RUNS times: on a shared machine the performance score moves with the load (total
# blocking time is the CPU time observed, multiplied by 4 for a phone).
echo "page     | perf | a11y | best practices | SEO | FCP | LCP | total bytes | TBT | SI"
for run in $(seq 1 "$RUNS"); do
    run_lighthouse "home-$run" "$BASE/"
    run_lighthouse "story-$run" "$BASE$STORY"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); reports: $WORK/*.report.json"
