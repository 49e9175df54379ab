#!/usr/bin/env bash
# Image resizing: NetVips vs SkiaSharp (BENCHMARKS.md, "Image resizing").
#   bench/image-resize.sh                 # 7 timed runs per library after a warm-up
#   RUNS=3 bench/image-resize.sh          # a quicker look
#   IMAGE=/path/photo.jpg bench/image-resize.sh   # your own photo instead of the generated one
# Builds bench/ImageResize in Release, generates a 24-megapixel JPEG (6000 × 4000, q 92, ~9 MB,
# gradients with detail at every scale) in /tmp/newsreader-bench unless IMAGE is given, then runs each library in a child
# process of its own and prints a Markdown table: wall time of making the 480/960/1600-wide WebP +
# JPEG variants (median, min, max) and the child's peak resident memory (VmHWM from /proc).
# Numbers depend on the machine and on whatever else it is doing: the header prints the load.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-7}
IMAGE=${IMAGE:-/tmp/newsreader-bench/photo-24mp-detailed.jpg}
OUT=/tmp/newsreader-bench/image-resize.md
mkdir -p /tmp/newsreader-bench

dotnet build "$ROOT/bench/ImageResize" -c Release --nologo -v quiet >/dev/null
{
    echo "bench/image-resize.sh at commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    dotnet "$ROOT/bench/ImageResize/bin/Release/net10.0/ImageResize.dll" --runs "$RUNS" --image "$IMAGE"
    echo
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
