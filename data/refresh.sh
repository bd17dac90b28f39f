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

CLDR_VERSION="${CLDR_VERSION:-48.2.0}"
echo "== npm cldr-localenames-full $CLDR_VERSION (country and language names)"
(cd "$work" && npm pack --silent "cldr-localenames-full@$CLDR_VERSION" "cldr-numbers-full@$CLDR_VERSION" >/dev/null && tar xzf "cldr-localenames-full-$CLDR_VERSION.tgz" && mkdir -p numbers && tar xzf "cldr-numbers-full-$CLDR_VERSION.tgz" -C numbers)
cldr_sha="$(sha256sum "$work/cldr-localenames-full-$CLDR_VERSION.tgz" | cut -d' ' -f1)"
cldr_numbers_sha="$(sha256sum "$work/cldr-numbers-full-$CLDR_VERSION.tgz" | cut -d' ' -f1)"
# Its publication on npm (files in an npm tarball carry no dates).
cldr_date="$(npm view "cldr-localenames-full" time --json | node -e "let s='';process.stdin.on('data',(d)=>s+=d).on('end',()=>console.log(JSON.parse(s)['$CLDR_VERSION'].slice(0,10)))")"
cp "$work/package/LICENSE" licences/Unicode-3.0-cldr.txt
mkdir -p cldr
node ../tools/cldr-names.mjs "$work/package" "$work/numbers/package" > cldr/names.tsv
rm -rf "$work/package" "$work/numbers"

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
echo "== company data for the listed tier (data/upstream/, pinned commits)"
# GitHub files at pinned commits cannot change: each is fetched when GitHub is
# reachable and checked against its pinned SHA-256; where it is not (only the
# package registries are, on some machines), the vendored copy is checked.
fetch_pinned() { # repo commit path dest sha256
  local tmp="$work/pinned"
  if curl -fsSL --max-time 30 "https://raw.githubusercontent.com/$1/$2/$3" -o "$tmp" 2>/dev/null; then
    mv "$tmp" "$4"
  else
    echo "   GitHub unreachable: checking the vendored data/$4"
  fi
  [ "$(sha256sum "$4" | cut -d' ' -f1)" = "$5" ] || { echo "data/$4 does not match $1@$2:$3" >&2; exit 1; }
}
WTM=3d961e6231e6bec7094fa1436a118d57c54aeae6
DISCONNECT=b1eac781277bd0b76c63fe6b9a91dd645f1ae0b1
WEBXRAY=59b13c166b72390aac1f13d9d65f99d94e5782f8
ADGUARD=94ac1779b1de0ba5f72253abcb24cea0680e66d6
V2FLY=c975ccef9c19f005a3bfa7a33255d1b406deea64
TPW_VERSION=0.30.0
TPW_DATE=2026-09-14 # its publication on npm
mkdir -p upstream/whotracksme upstream/disconnect upstream/webxray upstream/adguard upstream/third-party-web upstream/v2fly
fetch_pinned whotracksme/whotracks.me $WTM whotracksme/data/assets/trackerdb.sql upstream/whotracksme/trackerdb.sql 061e2a13b5340cf6b86bc0514f097cb2c9f84d78f99705b1a3d5ada919b165df
fetch_pinned disconnectme/disconnect-tracking-protection $DISCONNECT entities.json upstream/disconnect/entities.json 86f68a0156a7e3dc0d0018d09567a9c54826fee787f82fdaf358363cf92f476a
fetch_pinned timlib/webXray_Domain_Owner_List $WEBXRAY domain_owners.json upstream/webxray/domain_owners.json 8bc6c49320f99cb846ab58d6d10b09920843c6207a55da25a4acc3b0202d0a41
fetch_pinned AdguardTeam/companiesdb $ADGUARD source/companies.json upstream/adguard/companies.json ddb87b6dc4b5b6416f07a7c99a6a9387af7796373db22952bf8d6453a0809689
fetch_pinned AdguardTeam/companiesdb $ADGUARD source/trackers.json upstream/adguard/trackers.json 997ffc60465d6870ca2bdcaa54833c952fd97623b26a4f962f72b90d2000507c
# v2fly: the groups entity-links.toml takes, and every group they include.
# Their checksums are pinned in upstream/v2fly.sha256.
for g in $(cd upstream/v2fly && ls); do
  curl -fsSL --max-time 30 "https://raw.githubusercontent.com/v2fly/domain-list-community/$V2FLY/data/$g" -o "$work/v2fly-$g" 2>/dev/null && mv "$work/v2fly-$g" "upstream/v2fly/$g" || true
done
(cd upstream && sha256sum -c --quiet v2fly.sha256) || { echo "data/upstream/v2fly does not match v2fly/domain-list-community@$V2FLY" >&2; exit 1; }
(cd "$work" && npm pack --silent "third-party-web@$TPW_VERSION" >/dev/null && tar xzf "third-party-web-$TPW_VERSION.tgz" package/dist/entities-nostats.json package/LICENSE)
cp "$work/package/dist/entities-nostats.json" upstream/third-party-web/entities-nostats.json
cp "$work/package/LICENSE" licences/third-party-web-LICENSE.txt
(cd .. && cargo run -q --release -p import-entities)

# A record for one vendored source: id, name, files, upstream, version, date, licence, licence file, attribution.
listed() {
  local files="$3" shas=""
  for f in $(echo "$files" | sed 's/", "/ /g'); do shas="$shas${shas:+, }\"$(sha "$f")\""; done
  cat <<ONE

[[source]]
id = "$1"
name = "$2"
files = ["$files"]
sha256 = [$shas]
upstream = "$4"
version = "$5"
date = "$6"
licence = "$7"
licence_files = ["$8"]
attribution = "$9"
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

$(listed cldr "Unicode CLDR locale display names and number symbols (countries, languages and number separators, in the shipped languages)" "cldr/names.tsv" "npm cldr-localenames-full@$CLDR_VERSION (tarball sha256 $cldr_sha) and cldr-numbers-full@$CLDR_VERSION (tarball sha256 $cldr_numbers_sha), reduced by tools/cldr-names.mjs" "$CLDR_VERSION" "$cldr_date" "Unicode-3.0" "licences/Unicode-3.0-cldr.txt" "Unicode Common Locale Data Repository (CLDR), Unicode, Inc., https://cldr.unicode.org/. Changes: ISO 3166-1 territories, the shipped languages' own names and their Latin-digit number separators only")
$(listed whotracksme-2022 "WhoTracks.Me tracker database (companies, trackers, tracker domains)" "upstream/whotracksme/trackerdb.sql" "https://github.com/whotracksme/whotracks.me/blob/$WTM/whotracksme/data/assets/trackerdb.sql" "$WTM" 2022-08-02 "CC-BY-4.0" "licences/CC-BY-4.0.txt" "WhoTracks.Me (Ghostery GmbH), https://whotracks.me, CC BY 4.0; the last version before the database became non-commercial. Changes: merged by company name, reduced to registrable domains")
$(listed disconnect-2020 "Disconnect tracking protection entities" "upstream/disconnect/entities.json" "https://github.com/disconnectme/disconnect-tracking-protection/blob/$DISCONNECT/entities.json" "$DISCONNECT" 2020-06-17 "GPL-3.0-or-later" "licences/disconnect-LICENSE.txt" "Disconnect, Inc., https://disconnect.me; the last commit under the GPL. Changes: merged by company name, reduced to registrable domains")
$(listed webxray-2018 "webXray Domain Owner List" "upstream/webxray/domain_owners.json" "https://github.com/timlib/webXray_Domain_Owner_List/blob/$WEBXRAY/domain_owners.json" "$WEBXRAY" 2018-06-29 "GPL-3.0" "licences/GPL-3.0.txt" "Timothy Libert and contributors, webXray; from before the list left the GPL. Changes: merged by company name, reduced to registrable domains")
$(listed adguard-companiesdb "AdGuard companies database (its own additions: source/companies.json, source/trackers.json)" "upstream/adguard/companies.json\", \"upstream/adguard/trackers.json" "https://github.com/AdguardTeam/companiesdb/tree/$ADGUARD/source" "$ADGUARD" 2026-07-20 "CC-BY-SA-4.0 (adapted under GPL-3.0, per Creative Commons' BY-SA 4.0 compatibility with GPLv3)" "licences/adguard-companiesdb-LICENSE.txt" "AdGuard Software Ltd, https://github.com/AdguardTeam/companiesdb. Changes: merged by company name, reduced to registrable domains")
$(listed third-party-web "third-party-web entities" "upstream/third-party-web/entities-nostats.json" "npm third-party-web@$TPW_VERSION (https://github.com/patrickhulce/third-party-web)" "$TPW_VERSION" "$TPW_DATE" "MIT" "licences/third-party-web-LICENSE.txt" "Patrick Hulce and contributors. Changes: merged by company name, reduced to registrable domains")
$(listed v2fly "v2fly domain-list-community (Chinese platform groups only)" "$(cd upstream/v2fly && ls | sed 's#^#upstream/v2fly/#' | paste -sd'|' | sed 's#|#", "#g')\", \"upstream/v2fly.sha256" "https://github.com/v2fly/domain-list-community/tree/$V2FLY/data" "$V2FLY" 2026-08-19 "MIT" "licences/v2fly-domain-list-community-LICENSE.txt" "V2Ray and contributors. Only the groups of one company's own services, each given to that company in entity-links.toml")
$(own entities-listed "Borderline listed company tier (generated) and its links to the cited table" "entities-listed.toml\", \"entity-links.toml" "Borderline (generated by tools/import-entities from the six sources above; links hand-written)" "$(updated entity-links.toml)")
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
