#!/usr/bin/env bash
# Golden visual check: render a fiscal year and turn every page into a PNG to look at.
# Usage: tools/preview.sh [FY] [records folder]   (needs pdftoppm: apt-get install poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
year=${1:-2566}
records=${2:-records}
out=out/preview/$year
rm -rf "$out" && mkdir -p "$out"
.venv/bin/ita render "$year" --records "$records" -o "$out/ita-$year.pdf"
pdftoppm -r 80 -png "$out/ita-$year.pdf" "$out/page"
ls -1 "$out"/page-*.png
