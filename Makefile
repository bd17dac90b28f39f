# One command surface for people and CI alike.
#   make demo   the main job on the bundled sample capture
#   make test   everything CI runs (installs what is missing first)
#   make bench  native benchmarks (figures in target/bench/core.json)
#   make data   refresh the vendored data from the package registries
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
SAMPLE := tests/fixtures/tiktok/foryou/capture.har
OUT := target/demo

.PHONY: demo test deps bench data

demo:
	cargo build --release --bin borderline
	mkdir -p $(OUT)
	./target/release/borderline report $(SAMPLE) --home US --policy us -o $(OUT)/report.json
	./target/release/borderline report $(SAMPLE) --home US --policy us --format html -o $(OUT)/report.html 2>/dev/null
	./target/release/borderline report $(SAMPLE) --home US --policy us --format csv -o $(OUT)/report.csv 2>/dev/null
	@echo "Reports: $(OUT)/report.json, $(OUT)/report.html, $(OUT)/report.csv"

# Installs only what is missing, so it is quick on a machine that has it all.
deps:
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q rustfmt || rustup component add rustfmt clippy

test: deps
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo test
	cargo build --lib --no-default-features --target wasm32-unknown-unknown
	cargo bench --bench pipeline -- --test

bench:
	cargo bench --bench pipeline

data:
	bash data/refresh.sh
