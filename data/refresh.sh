#!/usr/bin/env bash
# Refreshes Borderline's vendored data from the package registries, rewrites
# data/sources.toml (versions, dates, sha256) and validates everything with the
# core's own parsers (`cargo test --test data_contract`).
#
#   bash data/refresh.sh                 # the pinned versions below
#   GEO_VERSION=2.3.2026090112 bash data/refresh.sh
#
# Sources:
#   - EasyList, EasyPrivacy and the Public Suffix List as shipped in Debian's
#     webext-ublock-origin-chromium package (apt).
#   - @ip-location-db/geo-whois-asn-country and @ip-location-db/asn (npm), kept
#     as the published tarballs, byte for byte.
# Our own files (entities.toml, jurisdictions.toml, lists/platform-telemetry.txt)
# are edited by hand and only validated here.
set -euo pipefail
cd "$(dirname "$0")"
GEO_VERSION="${GEO_VERSION:-2.3.2026061719}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== Debian webext-ublock-origin-chromium"
[ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
(cd "$work" && apt-get download -qq webext-ublock-origin-chromium)
deb="$(ls "$work"/webext-ublock-origin-chromium_*.deb)"
ubo_version="$(dpkg-deb -f "$deb" Version)"
dpkg-deb -x "$deb" "$work/ubo"
third="$work/ubo/usr/share/chromium/extensions/ublock-origin/assets/thirdparties"
cp "$third/easylist/easylist.txt" "$third/easylist/easyprivacy.txt" lists/
cp "$third/publicsuffix.org/list/effective_tld_names.dat" psl/public_suffix_list.dat
psl_version="$(sed -n 's#^// VERSION: ##p' psl/public_suffix_list.dat | head -1)"
list_date="$(date -u -r "$third/easylist/easyprivacy.txt" +%F)"

echo "== npm @ip-location-db/* $GEO_VERSION"
rm -f geo/*.tgz
(cd geo && npm pack --silent "@ip-location-db/geo-whois-asn-country@$GEO_VERSION" "@ip-location-db/asn@$GEO_VERSION" >/dev/null)
tar xzf "geo/ip-location-db-asn-$GEO_VERSION.tgz" -C "$work" package/DBIP-LICENSE package/NRO_LICENSE package/ROUTEVIEWS-LICENSE
for f in DBIP-LICENSE NRO_LICENSE ROUTEVIEWS-LICENSE; do cp "$work/package/$f" "licences/ip-location-db-$f.txt"; done

sha() { sha256sum "$1" | cut -d' ' -f1; }
updated() { sed -n 's/^updated = "\(.*\)"/\1/p' "$1" | head -1; }
# A record for one of Borderline's own files: id, name, file, upstream, date.
own() {
  cat <<ONE

[[source]]
id = "$1"
name = "$2"
files = ["$3"]
sha256 = []  # our own file; git keeps its history
upstream = "$4"
version = "$5"
date = "$5"
licence = "GPL-3.0-or-later"
licence_files = ["licences/GPL-3.0.txt"]
attribution = "Borderline"
ONE
}
geo_date="$(echo "$GEO_VERSION" | sed -E 's/^[0-9]+\.[0-9]+\.([0-9]{4})([0-9]{2})([0-9]{2}).*/\1-\2-\3/')"

cat > sources.toml <<TOML
# Provenance of every vendored data file. Written by data/refresh.sh; checked by
# tests/data_contract.rs (files exist, sha256 matches, licence file present).
$(for id in easyprivacy easylist; do
  name=$([ $id = easyprivacy ] && echo EasyPrivacy || echo EasyList)
  cat <<ONE

[[source]]
id = "$id"
name = "$name"
files = ["lists/$id.txt"]
sha256 = ["$(sha lists/$id.txt)"]
upstream = "Debian package webext-ublock-origin-chromium (uBlock Origin's bundled copy of https://easylist.to/)"
version = "$ubo_version"
date = "$list_date"
licence = "GPL-3.0-or-later OR CC-BY-SA-3.0+ (used under GPL-3.0-or-later)"
licence_files = ["licences/GPL-3.0.txt"]
attribution = "The EasyList authors, https://easylist.to/"
ONE
done)

[[source]]
id = "psl"
name = "Public Suffix List"
files = ["psl/public_suffix_list.dat"]
sha256 = ["$(sha psl/public_suffix_list.dat)"]
upstream = "Debian package webext-ublock-origin-chromium (copy of https://publicsuffix.org/list/)"
version = "$psl_version"
date = "${psl_version%%_*}"
licence = "MPL-2.0"
licence_files = ["licences/MPL-2.0.txt"]
attribution = "Mozilla Foundation and contributors, https://publicsuffix.org/"

[[source]]
id = "geo-country"
name = "IP to country (geo-whois-asn-country)"
files = ["geo/ip-location-db-geo-whois-asn-country-$GEO_VERSION.tgz"]
sha256 = ["$(sha "geo/ip-location-db-geo-whois-asn-country-$GEO_VERSION.tgz")"]
upstream = "npm @ip-location-db/geo-whois-asn-country (https://github.com/sapics/ip-location-db)"
version = "$GEO_VERSION"
date = "$geo_date"
licence = "CC-BY-4.0 (data by NRO) packaged as CC0-1.0"
licence_files = ["licences/ip-location-db-NRO_LICENSE.txt"]
attribution = "Country data from nro.net (Number Resource Organization) via ip-location-db"

[[source]]
id = "geo-asn"
name = "IP to ASN and network (asn)"
files = ["geo/ip-location-db-asn-$GEO_VERSION.tgz"]
sha256 = ["$(sha "geo/ip-location-db-asn-$GEO_VERSION.tgz")"]
upstream = "npm @ip-location-db/asn (https://github.com/sapics/ip-location-db)"
version = "$GEO_VERSION"
date = "$geo_date"
licence = "CC-BY-4.0"
licence_files = ["licences/ip-location-db-ROUTEVIEWS-LICENSE.txt", "licences/ip-location-db-DBIP-LICENSE.txt", "licences/ip-location-db-NRO_LICENSE.txt"]
attribution = "ASN data from routeviews.org, nro.net and IP to ASN Lite by DB-IP (https://db-ip.com)"
$(own entities "Borderline entity map" entities.toml "Borderline (hand-written, every fact cited in the file)" "$(updated entities.toml)")
$(own platform-telemetry "Borderline platform telemetry list" lists/platform-telemetry.txt "Borderline (hand-written, every rule cited in the file)" "$(sed -n 's/^! Updated: //p' lists/platform-telemetry.txt | head -1)")
$(own jurisdictions "Jurisdiction presets (US DSP countries of concern, EEA, GDPR adequacy)" jurisdictions.toml "Borderline (hand-written from 28 CFR 202.601 and the European Commission's adequacy decisions, cited in the file)" "$(updated jurisdictions.toml)")
TOML

echo "== validating with the core's parsers"
cd ..
cargo test --release --test data_contract
if [ -n "$(git status --porcelain -- data)" ]; then
  echo "Data changed upstream: review 'git diff --stat -- data', run all tests, and commit."
else
  echo "Data unchanged."
fi
