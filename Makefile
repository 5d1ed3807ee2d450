# The front door. `make demo` and `make test` work on a fresh Debian bookworm machine.
BUILD    ?= build
SANITIZE ?= build-sanitize
JOBS     ?= 2
PREFIX   ?= /usr/local
CMAKE    := cmake

.PHONY: all deps configure build demo test bench sanitize install clean

all: build

deps:
	scripts/install-deps

configure: deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)

build: configure
	$(CMAKE) --build $(BUILD) -j$(JOBS)

demo: build
	$(BUILD)/examples/cli/commerce demo demo-store.db

test: build
	cd $(BUILD) && ctest --output-on-failure -j1 -LE bench

bench: deps
	$(CMAKE) -S . -B $(BUILD) -DCOMMERCE_BUILD_BENCH=ON
	$(CMAKE) --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest --verbose -L bench

# ASan + UBSan over the native and C ABI tests (the bindings load into interpreters that are not instrumented).
sanitize: deps
	$(CMAKE) -S . -B $(SANITIZE) -DCMAKE_BUILD_TYPE=Debug -DCOMMERCE_BUILD_BINDINGS=OFF \
	  -DCMAKE_C_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
	$(CMAKE) --build $(SANITIZE) -j$(JOBS)
	cd $(SANITIZE) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j1 -E 'abi_symbols|headers|error_table'

install: build
	$(CMAKE) --install $(BUILD)

clean:
	rm -rf $(BUILD) $(SANITIZE) demo-store.db demo-store.db-wal demo-store.db-shm
