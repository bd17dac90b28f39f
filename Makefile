# One command surface for people and CI alike.
#   make demo   the main job on the bundled sample capture, and the unpacked extensions
#   make test   everything CI runs (installs what is missing first)
#   make bench  native benchmarks (figures in target/bench/core.json)
#   make perf   Borderline beside uBO, Ghostery and adblock-rs, cold start in Chromium, and the guards
#   make data   refresh the vendored data from the package registries
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
SAMPLE := tests/fixtures/tiktok/foryou/capture.har
OUT := target/demo

RUST_VERSION = $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)

.PHONY: demo test deps bench data extension e2e wasm-test fuzz-deps fuzz fuzz-check peers-deps peers coldstart guard perf bench-check

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
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/firefox-esr ] && command -v openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr openssl >/dev/null; }
	@[ -d node_modules/playwright-core ] && [ -d node_modules/web-ext ] && [ -d node_modules/axe-core ] && [ -d node_modules/ws ] && [ -d node_modules/@mdn/browser-compat-data ] || npm ci --no-audit --no-fund
	@# DuckDB's Python package: tests/batch.rs queries the batch Parquet with it, as the README does.
	@python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "duckdb==2.0.1" 

# Browser profiles, test certificates and the harnesses' other scratch files
# go under target/scratch/<stage> (emptied when the stage starts), never into
# the system's temporary folder, where every run left ~25 MB per browser launch.
SCRATCH = rm -rf $(CURDIR)/target/scratch/$(1) && mkdir -p $(CURDIR)/target/scratch/$(1) && export TMPDIR=$(CURDIR)/target/scratch/$(1)

# Each stage is timed (bash's `time`, on stderr): `make test` must stay under
# 45 minutes on the CI machine kind.
test: deps
	time cargo fmt --check
	time cargo clippy --workspace --all-targets -- -D warnings
	time cargo test --workspace
	@# The benchmark harness in criterion's test mode, features resolved as for
	@# the tests above (without --workspace, ~45 crates were rebuilt for others).
	time cargo test --workspace --bench pipeline
	time $(MAKE) wasm-test
	time $(MAKE) e2e
	time $(MAKE) bench-check
	time $(MAKE) fuzz-check

# The wasm binding's tests, compiled to wasm32: under node, and in a service
# worker in headless Chromium driven by Debian's chromedriver.
wasm-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p borderline-wasm --target wasm32-unknown-unknown --test node
	$(call SCRATCH,wasm-test) && CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p borderline-wasm --target wasm32-unknown-unknown --test browser

# The extension in a real headless Chromium against the local test sites.
e2e:
	mkdir -p target/e2e
	node -e "import('./tests/e2e/sites/hosts.mjs').then((m) => console.log(JSON.stringify(m.overlay())))" > target/e2e/overlay.json
	node extension/build.mjs --overlay target/e2e/overlay.json --out target/e2e/extension
	node extension/build.mjs --overlay target/e2e/overlay.json --out target/e2e/extension-firefox --browser firefox
	cp node_modules/axe-core/axe.min.js target/e2e/extension/axe.min.js
	cp node_modules/axe-core/axe.min.js target/e2e/extension-firefox/axe.min.js
	node extension/build.mjs
	node www/build.mjs
	@# The CLI as `cargo test` builds it (a plain `cargo build --bin` resolves
	@# features apart from the tests and rebuilt ~50 crates): a no-op in `make test`.
	cargo test --workspace --no-run
	$(call SCRATCH,e2e) && node --test --test-concurrency=1 tests/e2e/
	npx web-ext lint --source-dir dist/firefox --warnings-as-errors

extension:
	node extension/build.mjs

bench:
	cargo bench --bench pipeline

# Fuzzing (cargo-fuzz, libFuzzer) needs a nightly toolchain. The corpus is kept
# in fuzz/corpus; `make fuzz FUZZ_SECONDS=1800` is a long run of every target,
# `make fuzz-check` the short one CI runs. Findings land in fuzz/artifacts.
FUZZ_TARGETS := har request snapshot table render packets
FUZZ_SECONDS ?= 60
fuzz-deps:
	@cd / && (rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal)
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version =0.13.2 --locked

fuzz: fuzz-deps
	mkdir -p target/fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t; \
	  cargo +nightly fuzz run -O $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > ../target/fuzz/$$t.log 2>&1 \
	    || { tail -n 60 ../target/fuzz/$$t.log; echo "fuzz target $$t failed: the input is in fuzz/artifacts/$$t/"; exit 1; }; \
	  echo "$$t: $$(grep -E '^Done' ../target/fuzz/$$t.log)"; \
	done

# The short form CI runs: 20 s per target from the kept corpus.
fuzz-check:
	$(MAKE) fuzz FUZZ_SECONDS=20

# The peers' engines, pinned in bench/peers/package-lock.json. adblock-rs builds
# its native addon with cargo: our pinned toolchain, not the one it names.
peers-deps:
	@[ -f bench/peers/node_modules/adblock-rs/js/index.node ] && [ -d bench/peers/node_modules/@gorhill/ubo-core ] && [ -d bench/peers/node_modules/@ghostery/adblocker ] || RUSTUP_TOOLCHAIN=$(RUST_VERSION) npm ci --prefix bench/peers --no-audit --no-fund

peers: deps peers-deps
	node extension/build.mjs --wasm-only
	node --expose-gc bench/peers/run.mjs $(PEERS_ARGS)

coldstart: deps
	mkdir -p target/e2e
	node -e "import('./tests/e2e/sites/hosts.mjs').then((m) => console.log(JSON.stringify(m.overlay())))" > target/e2e/overlay.json
	node extension/build.mjs --overlay target/e2e/overlay.json --out target/e2e/extension
	node extension/build.mjs
	$(call SCRATCH,coldstart) && node bench/coldstart.mjs $(COLDSTART_ARGS)

guard: deps
	node extension/build.mjs
	$(call SCRATCH,guard) && node bench/guard.mjs

# Everything docs/performance.md reports, in one run.
perf: peers coldstart guard bench

# In make test: the harnesses still run (short forms), and the guards hold.
# Uses the builds the e2e step made.
bench-check: peers-deps
	node --expose-gc bench/peers/run.mjs --quick
	$(call SCRATCH,coldstart) && node bench/coldstart.mjs --quick
	$(call SCRATCH,guard) && node bench/guard.mjs

data:
	bash data/refresh.sh

# docs/screenshots/: the popup's first screen (light, dark, in German), the HTML export, the in-page
# banner and www/, from the browser tests against the local test sites.
screenshots: deps
	mkdir -p target/e2e docs/screenshots
	node -e "import('./tests/e2e/sites/hosts.mjs').then((m) => console.log(JSON.stringify(m.overlay())))" > target/e2e/overlay.json
	node extension/build.mjs --overlay target/e2e/overlay.json --out target/e2e/extension
	cp node_modules/axe-core/axe.min.js target/e2e/extension/axe.min.js
	node extension/build.mjs
	node www/build.mjs
	cargo test --workspace --no-run
	$(call SCRATCH,e2e) && BORDERLINE_BROWSERS=chromium node --test --test-concurrency=1 --test-name-pattern="TikTok-like site: popup|dark mode|the report in the reader|a Chrome HAR of a TikTok session" tests/e2e/extension.test.mjs tests/e2e/www.test.mjs
	for f in popup-first-screen popup-dark popup-de banner-tiktok html-export; do cp test-artifacts/chromium-$$f.png docs/screenshots/$$f.png; done
	cp test-artifacts/www-first-screen.png docs/screenshots/

# docs/coverage.md: how much of the shared corpus, the bundled captures and
# EasyPrivacy's third-party sections Borderline can name.
coverage:
	{ sed -n '1,/^<!-- generated -->/p' docs/coverage.md; cargo run -q --release --example coverage; } > target/coverage.md
	mv target/coverage.md docs/coverage.md
