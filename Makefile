# One command surface for people and CI alike.
#   make demo   the main job on the bundled sample capture, and the unpacked extensions
#   make test   everything CI runs (installs what is missing first)
#   make bench  native benchmarks (figures in target/bench/core.json)
#   make data   refresh the vendored data from the package registries
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
SAMPLE := tests/fixtures/tiktok/foryou/capture.har
OUT := target/demo

RUST_VERSION = $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)

.PHONY: demo test deps bench data extension e2e wasm-test

demo: deps
	cargo build --release --bin borderline
	mkdir -p $(OUT)
	./target/release/borderline report $(SAMPLE) --home US --policy us -o $(OUT)/report.json
	./target/release/borderline report $(SAMPLE) --home US --policy us --format html -o $(OUT)/report.html 2>/dev/null
	./target/release/borderline report $(SAMPLE) --home US --policy us --format csv -o $(OUT)/report.csv 2>/dev/null
	node extension/build.mjs
	node www/build.mjs
	@echo "Reports: $(OUT)/report.json, $(OUT)/report.html, $(OUT)/report.csv"
	@echo "Unpacked extensions: dist/chromium (load in chrome://extensions), dist/firefox (about:debugging)"
	@echo "HAR report page: dist/www (try it: node www/serve.mjs, then open http://127.0.0.1:8080/)"

# Installs only what is missing, so it is quick on a machine that has it all.
deps:
	@# The pinned toolchain (rust-toolchain.toml); on a machine whose stable is that version, link it instead of downloading.
	@cd / && (rustup run $(RUST_VERSION) rustc --version >/dev/null 2>&1 || rustup toolchain install $(RUST_VERSION) --profile minimal -c clippy,rustfmt -t wasm32-unknown-unknown || { [ "$$(rustup run stable rustc --version | cut -d' ' -f2)" = "$(RUST_VERSION)" ] && rustup toolchain link $(RUST_VERSION) "$$(rustup run stable rustc --print sysroot)"; })
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q rustfmt || rustup component add rustfmt clippy
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || cargo install wasm-bindgen-cli --version "=$(WASM_BINDGEN_VERSION)"
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver openssl >/dev/null; }
	@[ -d node_modules/playwright-core ] && [ -d node_modules/web-ext ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund

test: deps
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace
	cargo build --lib --no-default-features --target wasm32-unknown-unknown
	cargo bench --bench pipeline -- --test
	$(MAKE) wasm-test e2e

# The wasm binding's tests, compiled to wasm32: under node, and in a service
# worker in headless Chromium driven by Debian's chromedriver.
wasm-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p borderline-wasm --target wasm32-unknown-unknown --test node
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p borderline-wasm --target wasm32-unknown-unknown --test browser

# The extension in a real headless Chromium against the local test sites.
e2e:
	mkdir -p target/e2e
	node -e "import('./tests/e2e/sites/hosts.mjs').then((m) => console.log(JSON.stringify(m.overlay())))" > target/e2e/overlay.json
	node extension/build.mjs --overlay target/e2e/overlay.json --out target/e2e/extension
	cp node_modules/axe-core/axe.min.js target/e2e/extension/axe.min.js
	node extension/build.mjs
	node www/build.mjs
	cargo build --bin borderline
	node --test --test-concurrency=1 tests/e2e/
	npx web-ext lint --source-dir dist/firefox --warnings-as-errors

extension:
	node extension/build.mjs

bench:
	cargo bench --bench pipeline

data:
	bash data/refresh.sh
