#!/usr/bin/env bash
# Regenerates us-zip-centroids.csv.gz and LICENSE-zipcodes.txt (next to this script) from the
# npm package zipcodes@8.0.0 (BSD licence, https://github.com/davglass/zipcodes).
#
# Needs: npm (to reach the npm registry), node, tar, gzip, sha1sum. Run it only when the data is to
# be refreshed; the application never touches the network, it reads the committed resource.
#
#   bash services/src/main/resources/geo/regenerate.sh
#
# The output is deterministic: rows sorted by ZIP, `gzip -n` (no name, no timestamp). Compare the
# SHA-256 of the *uncompressed* CSV with the one in README.md (the gzip bytes may vary with the
# gzip version).
set -euo pipefail

VERSION=8.0.0
# `shasum` that the npm registry publishes for zipcodes-8.0.0.tgz (SHA-1 of the tarball).
EXPECTED_SHA1=4d124cdeedfc693f1b0ef8060323f206aeb98a9b

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/zipcodes.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "zipcodes@${VERSION}" >/dev/null)
tgz="$work/zipcodes-${VERSION}.tgz"
actual=$(sha1sum "$tgz" | cut -d' ' -f1)
if [ "$actual" != "$EXPECTED_SHA1" ]; then
  echo "zipcodes-${VERSION}.tgz: SHA-1 $actual, expected $EXPECTED_SHA1" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work"

node - "$work/package/lib/codes.js" >"$work/us-zip-centroids.csv" <<'JS'
// lib/codes.js is `exports.codes = { "94301": {zip, latitude, longitude, city, state, country}, ... }`.
const codes = require(process.argv[2]).codes;

// Pacific places that lie east of the antimeridian (positive longitude) legitimately.
const POSITIVE_LONGITUDE_OK = new Set(['AE', 'AP', 'AK', 'HI', 'GU', 'MP', 'PW', 'FM', 'MH']);
const round4 = (x) => Number(x.toFixed(4));
const csvField = (s) => (/[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);

const dropped = {};
const drop = (reason, r) => (dropped[reason] = dropped[reason] || []).push(r.zip);
const rows = [];
for (const r of Object.values(codes)) {
  const lat = r.latitude, lon = r.longitude;
  if (r.country !== 'US') { drop('not US', r); continue; }
  if (!/^\d{5}$/.test(r.zip) || !/^[A-Z]{2}$/.test(r.state) || !r.city || !r.city.trim()) {
    drop('malformed zip/state/city', r); continue;
  }
  if (typeof lat !== 'number' || typeof lon !== 'number' || !isFinite(lat) || !isFinite(lon)) {
    drop('no coordinates', r); continue;
  }
  if (lat === 0 && lon === 0) { drop('coordinates 0,0 (unknown)', r); continue; }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) { drop('coordinates out of range', r); continue; }
  // Catches sign errors such as 10200 New York NY at 40.77,+73.95 (Kyrgyzstan).
  if (lon > 0 && !POSITIVE_LONGITUDE_OK.has(r.state)) { drop('positive longitude outside the Pacific', r); continue; }
  rows.push([r.zip, r.city.trim().replace(/\s+/g, ' '), r.state, round4(lat), round4(lon)]);
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

// Places the portal's tests and demo content rely on.
const byZip = new Map(rows.map((r) => [r[0], r]));
for (const z of ['94301', '29401', '29425', '90048', '11030', '92093', '60611']) {
  if (!byZip.has(z)) { console.error('missing expected ZIP ' + z); process.exit(1); }
}

const out = ['zip,city,state,latitude,longitude'];
for (const r of rows) out.push([r[0], csvField(r[1]), r[2], r[3], r[4]].join(','));
process.stdout.write(out.join('\n') + '\n');

console.error(`read ${Object.keys(codes).length} entries, kept ${rows.length}`);
for (const [reason, zips] of Object.entries(dropped)) {
  console.error(`dropped ${zips.length} (${reason}): ${zips.slice(0, 8).join(' ')}${zips.length > 8 ? ' ...' : ''}`);
}
JS

gzip -n -9 -c "$work/us-zip-centroids.csv" >"$here/us-zip-centroids.csv.gz"

{
  echo "Data in us-zip-centroids.csv.gz comes from the npm package zipcodes@${VERSION}"
  echo "(https://www.npmjs.com/package/zipcodes, https://github.com/davglass/zipcodes, file lib/codes.js),"
  echo "converted by regenerate.sh next to this file: US rows with valid coordinates only, columns"
  echo "zip,city,state,latitude,longitude, coordinates rounded to 4 decimals, sorted by ZIP, gzip'd."
  echo "The package's LICENSE file follows verbatim."
  echo "----------------------------------------------------------------------------------------------"
  cat "$work/package/LICENSE"
} >"$here/LICENSE-zipcodes.txt"

echo "rows (without header): $(($(wc -l <"$work/us-zip-centroids.csv") - 1))" >&2
echo "csv sha256: $(sha256sum "$work/us-zip-centroids.csv" | cut -d' ' -f1)" >&2
echo "gz size: $(wc -c <"$here/us-zip-centroids.csv.gz") bytes" >&2
