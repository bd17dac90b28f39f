#!/usr/bin/env bash
# Phone captures and batches, natively: a 200 MB classic PCAP (145,000 TCP
# segments of 1,440 bytes over 1,000 connections) reported from a stream, and
# `borderline batch` over 1,000 mixed captures (the fixtures' HARs, PCAPNG and
# PCAPdroid CSV, one broken) into Parquet and NDJSON with 1 and 2 workers.
# Prints wall time and peak memory (GNU time). Usage: bash bench/packets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin borderline >/dev/null 2>&1
BIN=target/release/borderline
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK/big.pcap" <<'PY'
import struct, sys
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))
    payload = bytes(1400)
    for i in range(145000):
        ip = bytearray(40)
        ip[0] = 0x45; ip[2:4] = struct.pack('>H', 1440); ip[8] = 64; ip[9] = 6
        ip[12:16] = bytes([10, 215, 173, 1]); ip[16:20] = bytes([203, 0, 113, 7])
        ip[20:22] = struct.pack('>H', 40000 + i % 1000); ip[22:24] = struct.pack('>H', 443)
        ip[24:28] = struct.pack('>I', i); ip[32] = 0x50; ip[33] = 0x18
        f.write(struct.pack('<IIII', 1764000000 + i // 100, 0, 1440, 1440)); f.write(ip); f.write(payload)
PY
echo "capture: $(du -h "$WORK/big.pcap" | cut -f1)"
/usr/bin/time -f "report, 200 MB PCAP: %e s wall, %M KB peak RSS" "$BIN" report "$WORK/big.pcap" -o "$WORK/big.json" 2>&1 | tail -1 || true
mkdir -p "$WORK/many"
KINDS=(tests/fixtures/tiktok/foryou/capture.har tests/fixtures/youtube/watch/capture.har tests/fixtures/phone/mitmproxy-app/capture.har tests/fixtures/phone/pcapdroid-csv/capture.csv tests/fixtures/phone/tiktok-app/capture.pcapng)
for n in $(seq 0 998); do
  f=${KINDS[$((n % 5))]}
  cp "$f" "$WORK/many/$(printf %04d "$n")-$(basename "$f")"
done
printf '{"log":{"entries":[' > "$WORK/many/0500-broken.har"
echo "batch input: $(ls "$WORK/many" | wc -l) files, $(du -sh "$WORK/many" | cut -f1)"
for jobs in 1 2; do
  /usr/bin/time -f "batch → Parquet, --jobs $jobs: %e s wall, %M KB peak RSS" "$BIN" batch "$WORK/many" --out "$WORK/out.parquet" --jobs $jobs 2>&1 | tail -1 || true
done
/usr/bin/time -f "batch → NDJSON, --jobs 2: %e s wall, %M KB peak RSS" "$BIN" batch "$WORK/many" --out "$WORK/out.ndjson" --jobs 2 2>&1 | tail -1 || true
echo "rows: $(wc -l < "$WORK/out.ndjson"); Parquet $(du -h "$WORK/out.parquet" | cut -f1), NDJSON $(du -h "$WORK/out.ndjson" | cut -f1)"
