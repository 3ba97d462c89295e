# treve — build with `make`, test with `make check` (see README.md).
#   make                 build/treve and build/libtreve.a
#   make check           unit tests + data-file tests (tests/run.sh)
#   make SAN=1 check     the same, built in build-san/ with ASan+UBSan
#   make fuzz            libFuzzer targets in build-fuzz/ (needs clang)
#   make bench           benchmarks (bench/run.sh)

CC       ?= cc
PKGS     := libutf8proc icu-uc icu-i18n jansson hunspell sqlite3 libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

ifeq ($(SAN),1)
BUILD    ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT      := -O1 -g
else
BUILD    ?= build
SANFLAGS :=
OPT      ?= -O2 -g
endif

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla
CFLAGS   += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SANFLAGS) \
            -Iinclude -Ilib $(PKG_CFLAGS)
LDFLAGS  += $(SANFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
TOOL_SRC := $(sort $(wildcard src/*.c))
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DATA     := $(sort $(shell find data -type f -name '*.txt' 2>/dev/null))
GEN_DATA := $(BUILD)/gen/data/inflections.fr.tsv
DEPS     := $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d)

.PHONY: all check unit fuzz bench clean sample
all: $(BUILD)/treve $(UNIT_BIN) $(BUILD)/check-events

$(BUILD)/treve: $(TOOL_OBJ) $(BUILD)/libtreve.a
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(BUILD)/libtreve.a $(PKG_LIBS)

$(BUILD)/libtreve.a: $(LIB_OBJ) $(BUILD)/gen/embedded.o
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# Dictionaries are data: every data/**/*.txt (and the generated inflection
# table) is embedded into the library, parsed and compiled at load time.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/tools/gen-inflections: tools/gen-inflections.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

$(GEN_DATA): $(BUILD)/tools/gen-inflections $(DATA)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/gen-inflections $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embedded.c: $(BUILD)/tools/embed $(DATA) $(GEN_DATA)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ data $(DATA) -- $(BUILD)/gen/data $(GEN_DATA)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtreve.a tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libtreve.a $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/check-events: tests/check-events.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS) $(PKG_LIBS)

check: all
	TREVE_BUILD=$(BUILD) sh tests/run.sh

# libFuzzer targets: one per parser, fuzz/fuzz_*.c, linked with the library
# sources compiled by clang with -fsanitize=fuzzer,address,undefined.
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Wall -Wextra -Werror \
               -fsanitize=fuzzer,address,undefined -Iinclude -Ilib $(PKG_CFLAGS)
fuzz: $(FUZZ_BIN)
build-fuzz/%: fuzz/%.c $(LIB_SRC) $(BUILD)/gen/embedded.c
	@mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(BUILD)/gen/embedded.c $(PKG_LIBS) -lstdc++

bench: all
	sh bench/run.sh

sample: $(BUILD)/treve
	$(BUILD)/treve code --lang fr --published 2024-05-04T10:00:00Z samples/*.txt

clean:
	rm -rf build build-san build-fuzz

-include $(DEPS)

# Dashboard of `treve serve` (docs/serve.md): web/*.html|js|css and the world
# outline vendored from npm (web/node_modules/world-atlas, after `npm ci` in
# web/; optional) are copied into $(BUILD)/web, where the server looks first.
WEB_FILES := web/index.html web/app.js web/style.css
WEB_WORLD := $(wildcard web/node_modules/world-atlas/countries-110m.json)
.PHONY: web
all: web
web: $(BUILD)/web/index.html
$(BUILD)/web/index.html: $(WEB_FILES) $(WEB_WORLD)
	@mkdir -p $(BUILD)/web
	cp $(WEB_FILES) $(BUILD)/web/
	$(if $(WEB_WORLD),cp $(WEB_WORLD) $(BUILD)/web/world-110m.json)
