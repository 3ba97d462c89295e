# treve — build with `make`, test with `make check` (see README.md).
#   make                 build/treve, build/libtreve.a, build/libtreve.so.*, man
#                        pages, bash completion, the dashboard, unit tests
#   make check           unit tests + data-file tests + script tests (tests/run.sh)
#   make SAN=1 check     the same, built in build-san/ with ASan+UBSan
#   make install         into PREFIX (default /usr/local), DESTDIR honoured
#   make uninstall       removes what `make install` put there
#   make fuzz            libFuzzer targets in build-fuzz/ (needs clang)
#   make bench           benchmarks (bench/run.sh)
#
# Every Debian package used here is installed by scripts/install-deps.sh.

CC       ?= cc
# what the library links (Libs of treve.pc) and what the tool adds
LIB_PKGS := libutf8proc icu-uc icu-i18n jansson sqlite3
PKGS     := $(LIB_PKGS) hunspell libmicrohttpd
# A missing library stops the build naming its Debian package (all goals
# but clean and uninstall): scripts/install-deps.sh installs them all.
DEB_OF   := libutf8proc:libutf8proc-dev icu-uc:libicu-dev icu-i18n:libicu-dev jansson:libjansson-dev \
            hunspell:libhunspell-dev sqlite3:libsqlite3-dev libmicrohttpd:libmicrohttpd-dev
ifneq ($(filter-out clean uninstall,$(or $(MAKECMDGOALS),all)),)
ifeq ($(shell command -v pkg-config),)
$(error pkg-config is missing: install the Debian package pkg-config (sh scripts/install-deps.sh))
endif
PKG_MISSING := $(shell for p in $(PKGS); do pkg-config --exists $$p || echo $$p; done)
ifneq ($(PKG_MISSING),)
$(error libraries missing ($(PKG_MISSING)): install the Debian packages \
  $(sort $(foreach m,$(PKG_MISSING),$(patsubst $(m):%,%,$(filter $(m):%,$(DEB_OF))))) (sh scripts/install-deps.sh))
endif
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
LIB_LIBS   := $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) -lm -lpthread

# The library's version comes from include/treve.h; ABI is the soname's
# number (libtreve.so.$(ABI)): bump it when a public function or structure
# changes incompatibly (appending is compatible).
VERSION  := $(shell sed -n 's/^\#define TREVE_VERSION "\(.*\)"/\1/p' include/treve.h)
ABI      := 0
SONAME   := libtreve.so.$(ABI)

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
COMMANDS := code times debug ingest events ceasefires export stats serve
MAN_PAGES := $(BUILD)/man/treve.1 $(COMMANDS:%=$(BUILD)/man/treve-%.1)
COMPLETION := $(BUILD)/completion/treve

.PHONY: all check unit fuzz bench clean sample install uninstall FORCE
all: $(BUILD)/treve $(BUILD)/libtreve.a $(BUILD)/libtreve.so $(UNIT_BIN) $(BUILD)/check-events \
     $(MAN_PAGES) $(COMPLETION)

$(BUILD)/treve: $(TOOL_OBJ) $(BUILD)/libtreve.a
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(BUILD)/libtreve.a $(PKG_LIBS)

# The library's objects are position-independent: the same objects make
# libtreve.a and libtreve.so.
$(BUILD)/lib/%.o: CFLAGS += -fPIC
$(BUILD)/gen/embedded.o: CFLAGS += -fPIC

$(BUILD)/libtreve.a: $(LIB_OBJ) $(BUILD)/gen/embedded.o
	rm -f $@ && ar rcs $@ $^

# The shared library exports the public treve_* functions only (lib/treve.map):
# the internal tv_* names stay hidden. tests/install/install.sh checks it.
$(BUILD)/libtreve.so.$(VERSION): $(LIB_OBJ) $(BUILD)/gen/embedded.o lib/treve.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/treve.map -Wl,-z,defs -Wl,--as-needed \
	    $(LDFLAGS) -o $@ $(LIB_OBJ) $(BUILD)/gen/embedded.o $(LIB_LIBS)
$(BUILD)/$(SONAME) $(BUILD)/libtreve.so: $(BUILD)/libtreve.so.$(VERSION)
	ln -sf libtreve.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libtreve.so

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

# The Hunspell dictionaries the inflection table is expanded from (Debian's
# hunspell-fr and hunspell-en-us; TREVE_HUNSPELL_FR / _EN: another path,
# without .aff/.dic). $(BUILD)/gen/hunspell.id names each file with its size
# and time; it changes, and the table is generated again, whenever a
# dictionary does (a package upgrade too, whatever its files' dates). A
# missing dictionary stops the build naming the package to install.
HUNSPELL_FR ?= $(or $(TREVE_HUNSPELL_FR),$(basename $(firstword $(wildcard \
               /usr/share/hunspell/fr_FR.dic /usr/share/myspell/dicts/fr_FR.dic))),/usr/share/hunspell/fr_FR)
HUNSPELL_EN ?= $(or $(TREVE_HUNSPELL_EN),$(basename $(firstword $(wildcard \
               /usr/share/hunspell/en_US.dic /usr/share/myspell/dicts/en_US.dic))),/usr/share/hunspell/en_US)
# (Written only when it changes: an up-to-date build is never written to,
# so `make install` may run as a user who cannot write build/.)
$(BUILD)/gen/hunspell.id: FORCE
	@for d in "$(HUNSPELL_FR) hunspell-fr" "$(HUNSPELL_EN) hunspell-en-us"; do \
	    set -- $$d; \
	    for x in aff dic; do \
	        [ -r "$$1.$$x" ] || { echo "treve: Hunspell dictionary $$1.$$x not found: install the Debian package $$2 (sh scripts/install-deps.sh)" >&2; exit 1; }; \
	    done; \
	done
	@command -v unmunch >/dev/null || { echo "treve: unmunch not found: install the Debian package hunspell-tools (sh scripts/install-deps.sh)" >&2; exit 1; }
	@id=$$(stat -L -c '%n %s %Y' $(HUNSPELL_FR).aff $(HUNSPELL_FR).dic $(HUNSPELL_EN).aff $(HUNSPELL_EN).dic) && \
	if [ "$$id" != "$$(cat $@ 2>/dev/null)" ]; then mkdir -p $(dir $@) && printf '%s\n' "$$id" > $@; fi

# The table is checked (scripts/check-tables.sh: expected sizes) before it
# is kept; a table below its expected size stops the build.
$(GEN_DATA): $(BUILD)/tools/gen-inflections $(DATA) $(BUILD)/gen/hunspell.id scripts/check-tables.sh
	@mkdir -p $(dir $@)
	TREVE_HUNSPELL_FR=$(HUNSPELL_FR) TREVE_HUNSPELL_EN=$(HUNSPELL_EN) $(BUILD)/tools/gen-inflections $(DATA) > $@.tmp
	sh scripts/check-tables.sh $@.tmp
	mv $@.tmp $@

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

# Man pages and bash completion are generated from the tool's option table
# (src/tool_opts.c), the same table that parses the options and prints
# `treve COMMAND --help`: they cannot drift apart.
$(BUILD)/tools/gen-docs: tools/gen-docs.c $(BUILD)/src/tool_opts.o $(BUILD)/libtreve.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/src/tool_opts.o $(BUILD)/libtreve.a $(LDFLAGS) $(PKG_LIBS)
$(MAN_PAGES) $(COMPLETION) &: $(BUILD)/tools/gen-docs
	@mkdir -p $(BUILD)/man $(BUILD)/completion
	$(BUILD)/tools/gen-docs $(BUILD)/man $(COMPLETION)

check: all
	TREVE_BUILD=$(BUILD) TREVE_SANFLAGS="$(SANFLAGS)" sh tests/run.sh

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
# outline vendored from npm (web/node_modules/world-atlas, installed by
# scripts/install-deps.sh with `npm ci` in web/) are copied into $(BUILD)/web,
# where the server looks first. Without the npm modules the build goes on
# (a developer may not need the map) but tests/install/dashboard.sh fails,
# naming what to run: the product is never shipped without its map.
WEB_FILES := web/index.html web/app.js web/style.css
WEB_WORLD := web/node_modules/world-atlas/countries-110m.json
.PHONY: web
all: web
web: $(BUILD)/web/index.html $(if $(wildcard $(WEB_WORLD)),$(BUILD)/web/world-110m.json)
$(BUILD)/web/index.html: $(WEB_FILES)
	@mkdir -p $(BUILD)/web
	cp $(WEB_FILES) $(BUILD)/web/
$(BUILD)/web/world-110m.json: $(WEB_WORLD)
	@mkdir -p $(BUILD)/web
	cp $< $@

# ---- install ----------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=] [BINDIR= LIBDIR= INCLUDEDIR=
#              MANDIR= DATADIR= PKGCONFIGDIR= COMPLETIONDIR= PYTHONDIR=]
# installs the tool, libtreve.so.$(VERSION) (+ the $(SONAME) and libtreve.so
# links), libtreve.a, treve.h, treve.pc, the man pages, the bash completion,
# the dashboard (the only run-time data files: the dictionaries are inside
# the library) and the Python module. Each directory is checked writable
# before anything is copied. tests/install/install.sh runs it.
PREFIX        ?= /usr/local
BINDIR        ?= $(PREFIX)/bin
LIBDIR        ?= $(PREFIX)/lib
INCLUDEDIR    ?= $(PREFIX)/include
DATADIR       ?= $(PREFIX)/share
MANDIR        ?= $(DATADIR)/man
PKGCONFIGDIR  ?= $(LIBDIR)/pkgconfig
COMPLETIONDIR ?= $(DATADIR)/bash-completion/completions
WEBDIR        := $(DATADIR)/treve/web
# Debian's python3 looks in /usr/lib/python3/dist-packages and
# /usr/local/lib/python3.X/dist-packages; elsewhere set PYTHONPATH.
PYTHON_X      := $(shell /usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)
PYTHONDIR     ?= $(if $(filter /usr,$(PREFIX)),$(LIBDIR)/python3/dist-packages,$(LIBDIR)/python$(PYTHON_X)/dist-packages)
INSTALL_DIRS  := $(BINDIR) $(LIBDIR) $(INCLUDEDIR) $(PKGCONFIGDIR) $(MANDIR)/man1 $(COMPLETIONDIR) $(WEBDIR) $(PYTHONDIR)
INSTALL_WEB   := $(notdir $(WEB_FILES)) world-110m.json

install: all
	@[ -f $(BUILD)/web/world-110m.json ] || { echo "treve: $(BUILD)/web/world-110m.json is missing: run sh scripts/install-deps.sh (npm ci in web/) then make" >&2; exit 1; }
	@for d in $(INSTALL_DIRS:%="$(DESTDIR)%"); do \
	    if ! install -d "$$d" 2>/dev/null || [ ! -w "$$d" ]; then \
	        echo "treve: cannot install into $$d: not writable (read-only prefix?); nothing was installed. Choose PREFIX=... or DESTDIR=..., or run as root." >&2; exit 1; \
	    fi; \
	done
	install -m 755 $(BUILD)/treve "$(DESTDIR)$(BINDIR)/treve"
	install -m 755 $(BUILD)/libtreve.so.$(VERSION) "$(DESTDIR)$(LIBDIR)/libtreve.so.$(VERSION)"
	ln -sf libtreve.so.$(VERSION) "$(DESTDIR)$(LIBDIR)/$(SONAME)"
	ln -sf $(SONAME) "$(DESTDIR)$(LIBDIR)/libtreve.so"
	install -m 644 $(BUILD)/libtreve.a "$(DESTDIR)$(LIBDIR)/libtreve.a"
	install -m 644 include/treve.h "$(DESTDIR)$(INCLUDEDIR)/treve.h"
	@printf '%s\n' \
	    '# treve.pc - pkg-config metadata of libtreve (written by make install)' \
	    'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: treve' \
	    'Description: codes news reports about armed conflict and diplomacy into events (CAMEO, PLOVER)' \
	    'Version: $(VERSION)' \
	    'Requires.private: $(LIB_PKGS)' \
	    'Libs: -L$${libdir} -ltreve' \
	    'Libs.private: -lm -lpthread' \
	    'Cflags: -I$${includedir}' > "$(DESTDIR)$(PKGCONFIGDIR)/treve.pc"
	install -m 644 $(MAN_PAGES) "$(DESTDIR)$(MANDIR)/man1/"
	install -m 644 $(COMPLETION) "$(DESTDIR)$(COMPLETIONDIR)/treve"
	install -m 644 $(INSTALL_WEB:%=$(BUILD)/web/%) "$(DESTDIR)$(WEBDIR)/"
	install -m 644 python/treve.py "$(DESTDIR)$(PYTHONDIR)/treve.py"
	@case "$(DESTDIR)$(LIBDIR)" in /usr/lib|/usr/local/lib) [ "$$(id -u)" != 0 ] || ldconfig ;; esac

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/treve" "$(DESTDIR)$(LIBDIR)/libtreve.so.$(VERSION)" \
	    "$(DESTDIR)$(LIBDIR)/$(SONAME)" "$(DESTDIR)$(LIBDIR)/libtreve.so" "$(DESTDIR)$(LIBDIR)/libtreve.a" \
	    "$(DESTDIR)$(INCLUDEDIR)/treve.h" "$(DESTDIR)$(PKGCONFIGDIR)/treve.pc" \
	    $(patsubst %,"$(DESTDIR)$(MANDIR)/man1/%",$(notdir $(MAN_PAGES))) "$(DESTDIR)$(COMPLETIONDIR)/treve" \
	    $(INSTALL_WEB:%="$(DESTDIR)$(WEBDIR)/%") "$(DESTDIR)$(PYTHONDIR)/treve.py" \
	    "$(DESTDIR)$(PYTHONDIR)/__pycache__/"treve.*.pyc
	-rmdir "$(DESTDIR)$(WEBDIR)" "$(DESTDIR)$(DATADIR)/treve" "$(DESTDIR)$(PYTHONDIR)/__pycache__" 2>/dev/null
	@case "$(DESTDIR)$(LIBDIR)" in /usr/lib|/usr/local/lib) [ "$$(id -u)" != 0 ] || ldconfig ;; esac
