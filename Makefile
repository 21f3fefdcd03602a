# auditkit: thin wrapper around meson. `make` builds every program into
# build/bin/; `make check` runs every test; `make run` runs the main job.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD := build
ASAN := build-asan
MESON_OPTS := --buildtype=debugoptimized -Dprefix=$(PREFIX)
ifeq ($(AUDITKIT_WERROR),1)
MESON_OPTS += --werror
endif

PROGRAMS := auditctl augenrules auditd ausearch aureport ausyscall audoctor

.PHONY: all deps build asan check unit run install bench clean

all: build

deps:
	@sh scripts/bootstrap

$(BUILD)/build.ninja:
	meson setup $(MESON_OPTS) $(BUILD)

$(ASAN)/build.ninja:
	meson setup $(MESON_OPTS) -Db_sanitize=address,undefined -Db_lundef=false $(ASAN)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)
	@mkdir -p $(BUILD)/bin
	@for p in $(PROGRAMS); do ln -sf ../src/$$p/$$p $(BUILD)/bin/$$p; done

asan: deps $(ASAN)/build.ninja
	ninja -C $(ASAN)

# Every test: unit tests (plain and sanitized), then the black-box
# scenarios under tests/ (command line, differential, real kernel).
check: build asan
	@sh tests/run

run: build
	@sh scripts/run

install: build
	meson configure $(BUILD) -Dprefix=$(PREFIX)
	ninja -C $(BUILD)
	DESTDIR=$(DESTDIR) meson install -C $(BUILD) --no-rebuild

# Benchmarks: root and the real kernel (they take the kernel test lock);
# each prints a markdown table and keeps a copy in bench/results/.
bench: build
	sh bench/ingest/run.sh
	sh bench/search/run.sh

clean:
	rm -rf $(BUILD) $(ASAN)
