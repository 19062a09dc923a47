# newsdesk: news corpora -> topic, region and key sentences.
#
#   make            build ./newsdesk (and libnewsdesk.a)
#   make check      build with -Werror, run unit and CLI tests
#   make asan       the whole test suite under address + undefined sanitizers
#   make tsan       the whole test suite under ThreadSanitizer (clang)
#   make fuzz       libFuzzer on the reader, model files and analysis (clang)
#   make install    PREFIX=/usr/local DESTDIR= : program, man page, default model, and
#                   libnewsdesk.a, newsdesk.h and newsdesk.pc for programs of your own
#   make uninstall  the same PREFIX and DESTDIR: removes every file install put there
#   make clean
#
# V=1 shows full command lines.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
Q        = $(if $(filter 1,$(V)),,@)

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wpointer-arith -Wvla -Wformat=2 -Winit-self -Wwrite-strings \
          -Wundef -Wcast-align -Wredundant-decls -Wold-style-definition
OPT     ?= -O2 -g
DEPS_CFLAGS := $(shell pkg-config --cflags libutf8proc zlib libcjson 2>/dev/null)
DEPS_LIBS   := $(shell pkg-config --libs libutf8proc zlib libcjson 2>/dev/null || echo -lutf8proc -lz -lcjson) \
               -lsvm -llinear -lstemmer -lpthread -lm
CFLAGS  ?=
ND_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) \
            -Iinclude -I$(BUILD)/gen $(DEPS_CFLAGS) $(CFLAGS) $(MOREFLAGS)
LDFLAGS ?=

LIB_SRC  = $(sort $(wildcard src/*.c))
GEN_SRC  = $(BUILD)/gen/stopwords.c
STOPWORDS = $(sort $(wildcard models/stopwords/*.txt))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
GEN_LISTS = stopwords chromewords chromephrases
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_LISTS:%=$(BUILD)/gen/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

## all: build the newsdesk program ($(BUILD)/newsdesk, linked as ./newsdesk)
all: $(BUILD)/newsdesk
	$(Q)if [ "$(BUILD)" = build ]; then ln -sf build/newsdesk newsdesk; fi

$(BUILD)/newsdesk: $(CLI_OBJ) $(BUILD)/libnewsdesk.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(ND_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libnewsdesk.a $(DEPS_LIBS)

$(BUILD)/libnewsdesk.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ND_CFLAGS) -MMD -MP -c -o $@ $<

# the installed data directory, compiled into the CLI: rewritten (and the CLI rebuilt) only when PREFIX changes
$(BUILD)/gen/datadir.h: FORCE
	@mkdir -p $(dir $@)
	$(Q)printf '#define ND_DATADIR "%s/share/newsdesk"\n' '$(PREFIX)' >$@.tmp; \
	  if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/src/cli/common.o: $(BUILD)/gen/datadir.h

# the stop-word lists of models/stopwords/, one C array per language (see src/lang.h)
$(BUILD)/gen/stopwords.c: $(STOPWORDS) Makefile
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)awk 'FNR == 1 { if (NR > 1) print "    NULL };"; f = FILENAME; sub(/.*\//, "", f); sub(/\.txt$$/, "", f); \
	    code[++n] = f; printf "static const char *const w_%s[] = {\n", f } \
	  /^[^#]/ { printf "    \"%s\",\n", $$1 } \
	  END { print "    NULL };"; print "const struct nd_stoplist nd_stoplists[] = {"; \
	    for (i = 1; i <= n; i++) printf "    { \"%s\", w_%s },\n", code[i], code[i]; print "    { NULL, NULL } };" }' \
	  $(STOPWORDS) | { echo '#include "lang.h"'; cat; } >$@

# a word list of models/ (chromewords.txt, chromephrases.txt) as the array nd_NAME, a line an entry
$(BUILD)/gen/%.c: models/%.txt Makefile
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)awk -v name=$* 'BEGIN { print "#include \"lang.h\""; printf "const char *const nd_%s[] = {\n", name } \
	  /^[^#]/ && NF { printf "    \"%s\",\n", $$0 } END { print "    NULL };" }' $< >$@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c src/lang.h
	@echo "  CC      $<"
	$(Q)$(CC) $(ND_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h tests/*.h) $(BUILD)/libnewsdesk.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ND_CFLAGS) -Isrc -o $@ $< $(BUILD)/libnewsdesk.a $(DEPS_LIBS)

## check: warnings as errors, unit tests, CLI tests
check:
	$(Q)$(MAKE) --no-print-directory MOREFLAGS="-Werror $(MOREFLAGS)" all unit-bins
	$(Q)tests/run-tests $(BUILD)

unit-bins: $(UNIT_BIN)

## asan: the whole suite under AddressSanitizer + UBSan, float-to-int overflow included (separate build dir)
asan:
	$(Q)ND_ASAN=1 ASAN_OPTIONS=detect_leaks=1 $(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  MOREFLAGS="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined,float-cast-overflow" check

## tsan: the whole suite under ThreadSanitizer (clang; separate build dir)
tsan:
	$(Q)ND_ASAN=1 $(MAKE) --no-print-directory BUILD=build-tsan CC=clang OPT="-O1 -g" \
	  MOREFLAGS="-fsanitize=thread" LDFLAGS="-fsanitize=thread" check

## fuzz: libFuzzer (clang) on the reader, the JSON pass against cJSON, the model-file parser, analysis, the page reader, the whole bundle loader and its binary caches, FUZZ_SECONDS (60) each
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS  = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz: all $(FUZZ_TARGETS)
	$(Q)rm -rf build-fuzz/seed-reader build-fuzz/seed-svm && mkdir -p build-fuzz/seed-reader build-fuzz/seed-svm
	$(Q)find tests/data -type f -size -64k -exec cp {} build-fuzz/seed-reader/ \;
	$(Q)for f in models/default/*.svm; do head -c 4000 $$f >build-fuzz/seed-svm/$$(basename $$f); done
	$(Q)cd build-fuzz && ./fuzz_reader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 seed-reader
	$(Q)cd build-fuzz && ./fuzz_svm -max_total_time=$(FUZZ_SECONDS) -max_len=8192 seed-svm
	$(Q)rm -rf build-fuzz/seed-text && mkdir -p build-fuzz/seed-text && cp tests/data/texts/* tests/data/german.jsonl tests/data/languages.txt build-fuzz/seed-text/
	$(Q)rm -rf build-fuzz/tiny-de && ./newsdesk train -q --min-df 1 --folds 2 --c 1 --no-extract-model \
	  --language de -o build-fuzz/tiny-de tests/data/german.jsonl >/dev/null
	$(Q)cd build-fuzz && ./fuzz_analyze -max_total_time=$(FUZZ_SECONDS) -max_len=16384 seed-text
	$(Q)rm -rf build-fuzz/seed-jsonl && mkdir -p build-fuzz/seed-jsonl && \
	  cat tests/data/*.jsonl | head -c 200000 | split -l 1 - build-fuzz/seed-jsonl/line-
	$(Q)cd build-fuzz && ./fuzz_jsonl -max_total_time=$(FUZZ_SECONDS) -max_len=4096 seed-jsonl
	$(Q)rm -rf build-fuzz/seed-story && mkdir -p build-fuzz/seed-story && \
	  for f in tests/data/page.html tests/data/page-ld.html tests/data/page-code.html tests/data/page-dump.txt tests/data/page-lynx.txt tests/data/page-md.md tests/data/page-nodes.txt tests/data/texts/*; do printf '\002' | cat - $$f >build-fuzz/seed-story/$$(basename $$f); done; \
	  { printf '\000'; head -c 6000 models/default/blocks.model; } >build-fuzz/seed-story/model
	$(Q)cd build-fuzz && ./fuzz_story -max_total_time=$(FUZZ_SECONDS) -max_len=65536 seed-story
	$(Q)rm -rf build-fuzz/seed-bundle build-fuzz/tiny && mkdir -p build-fuzz/seed-bundle && \
	  ./newsdesk train -q --min-df 1 --folds 2 --c 1 --no-extract-model --no-gazetteer -o build-fuzz/tiny tests/data/tiny-train.jsonl >/dev/null && \
	  for v in 2 1; do for f in manifest vocab.tsv topic.labels topic.platt topic.svm region.labels region.platt region.svm \
	    gazetteer.tsv summary.svm blocks.model; do \
	    if [ $$f = manifest ] && [ $$v = 1 ]; then sed '/^checksum /d; /^end /d; s/^newsdesk-model 2/newsdesk-model 1/' build-fuzz/tiny/$$f; \
	    elif [ -f build-fuzz/tiny/$$f ]; then cat build-fuzz/tiny/$$f; \
	    elif [ $$f = gazetteer.tsv ]; then sed -n 1,12p models/gazetteer.tsv; grep -m 3 'state$$' models/gazetteer.tsv; \
	      grep -m 3 'country$$' models/gazetteer.tsv; grep -m 2 '^\.' models/gazetteer.tsv; fi; \
	    printf '\000'; done >build-fuzz/seed-bundle/v$$v; done
	$(Q)cd build-fuzz && ./fuzz_bundle -max_total_time=$(FUZZ_SECONDS) -max_len=131072 seed-bundle
	$(Q)rm -rf build-fuzz/seed-cache build-fuzz/tiny-rest && mkdir -p build-fuzz/seed-cache && \
	  ./newsdesk train -q --min-df 1 --folds 2 --c 1 --no-extract-model --no-gazetteer --solver liblinear \
	    -o build-fuzz/tiny-rest tests/data/tiny-train.jsonl >/dev/null && \
	  { printf '\000'; cat build-fuzz/tiny/topic.weights; } >build-fuzz/seed-cache/weights && \
	  { printf '\000'; cat build-fuzz/tiny-rest/topic.weights; } >build-fuzz/seed-cache/weights-per-class && \
	  { printf '\001'; cat build-fuzz/tiny/vocab.index; } >build-fuzz/seed-cache/index
	$(Q)cd build-fuzz && ./fuzz_cache -max_total_time=$(FUZZ_SECONDS) -max_len=262144 seed-cache

build-fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(GEN_LISTS:%=build/gen/%.c) $(wildcard src/*.h tests/*.h)
	@mkdir -p build-fuzz
	@echo "  FUZZ    $@"
	$(Q)$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude -Isrc $(DEPS_CFLAGS) -o $@ $< \
	  $(LIB_SRC) $(GEN_LISTS:%=build/gen/%.c) $(DEPS_LIBS)

# newsdesk.pc: the library is static, so its Libs name what it links against
$(BUILD)/newsdesk.pc: Makefile $(BUILD)/gen/datadir.h
	@echo "  GEN     $@"
	$(Q)printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$${prefix}/include' 'libdir=$${prefix}/lib' \
	  'datadir=$${prefix}/share/newsdesk' 'modeldir=$${datadir}/models/default' '' \
	  'Name: newsdesk' 'Description: news corpora to topic, region and key sentences' 'Version: $(ND_VERSION)' \
	  'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lnewsdesk $(DEPS_LIBS)' >$@

ND_VERSION = $(shell sed -n 's/^#define ND_VERSION "\(.*\)"/\1/p' include/newsdesk.h)
INSTALLED = bin/newsdesk share/man/man1/newsdesk.1 lib/libnewsdesk.a include/newsdesk.h lib/pkgconfig/newsdesk.pc

## install: program, man page, default model, library, header and pkg-config file under $(DESTDIR)$(PREFIX)
install: all $(BUILD)/newsdesk.pc
	$(Q)$(BUILD)/newsdesk info --top 0 models/default >/dev/null   # loading writes the weights caches, if missing
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newsdesk/models/default $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 $(BUILD)/newsdesk $(DESTDIR)$(PREFIX)/bin/newsdesk
	install -m 644 src/cli/newsdesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/newsdesk.1
	install -m 644 models/default/* $(DESTDIR)$(PREFIX)/share/newsdesk/models/default/
	install -m 644 models/gazetteer.tsv $(DESTDIR)$(PREFIX)/share/newsdesk/gazetteer.tsv
	install -m 644 $(BUILD)/libnewsdesk.a $(DESTDIR)$(PREFIX)/lib/libnewsdesk.a
	install -m 644 include/newsdesk.h $(DESTDIR)$(PREFIX)/include/newsdesk.h
	install -m 644 $(BUILD)/newsdesk.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/newsdesk.pc

## uninstall: remove every file install put under $(DESTDIR)$(PREFIX) (and share/newsdesk)
uninstall:
	rm -f $(INSTALLED:%=$(DESTDIR)$(PREFIX)/%)
	rm -rf $(DESTDIR)$(PREFIX)/share/newsdesk

## clean: remove build products
clean:
	rm -rf build build-asan build-tsan build-fuzz newsdesk

## help: list targets
help:
	@sed -n 's/^## //p' Makefile

.SECONDARY: $(GEN_LISTS:%=$(BUILD)/gen/%.c)
FORCE:
.PHONY: all check unit-bins asan tsan fuzz install uninstall clean help FORCE
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
