# ReceptionDesk — `make run` opens the desk, `make test` runs the whole suite offscreen.
# Both create the virtualenv (.venv) and install what is needed on a fresh Debian/Ubuntu machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QT_LIBS := libEGL.so.1 libGL.so.1 libX11.so.6 libdbus-1.so.3 libfontconfig.so.1 libfreetype.so.6 \
           libglib-2.0.so.0 libxkbcommon.so.0
QT_PACKAGES := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
               poppler-utils

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: icons run test test-fast bench system-deps clean translations update-translations screenshots samples installer \
        self-test-frozen

run: $(STAMP) system-deps translations
	$(BIN)/receptiondesk $(ARGS)

test: $(STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

# The window's translations: Qt Linguist sources (.ts, kept in git) compiled to .qm for the program.
translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing strings in the window's code: refresh the .ts, then translate what is new.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find src/receptiondesk/ui -name '*.py' | sort) \
	  -ts resources/translations/receptiondesk_vi.ts

# Every printed document, in the state format and (where the Party issues it) the Party format, into samples/.
samples: $(STAMP)
	$(BIN)/python -m receptiondesk.demo.write_samples samples

# Every screen, in Vietnamese and English, with demonstration data, rendered under Xvfb into screenshots/.
XVFB_PACKAGES := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
                 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
screenshots: $(STAMP) system-deps translations
	@if ! command -v xvfb-run >/dev/null || ! /sbin/ldconfig -p 2>/dev/null | grep -q libxcb-cursor.so.0; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Xvfb and the X libraries Qt needs..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(XVFB_PACKAGES) >/dev/null; \
	  else \
	    echo "Screenshots need Xvfb. Run: sudo apt-get install -y $(XVFB_PACKAGES)"; exit 1; \
	  fi; \
	fi
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m receptiondesk.ui.screenshots screenshots

# The program's icon (resources/icons/): the PNG and ICO rendered again from the SVG after it changed.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m receptiondesk.ui.app_icon

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

# The one-folder program, dist/receptiondesk/ (run dist/receptiondesk/receptiondesk), built by PyInstaller from
# build_installer.spec with the compiled translations; build/ holds PyInstaller's work files. The shared libraries
# found on this machine go into the folder: without the X libraries of `make screenshots` (libxcb-cursor0...) the
# program starts only offscreen on a PC that lacks them too, which the last line warns about. The build runs in a
# virtualenv of its own (.venv-build) holding the program, its dependencies and PyInstaller only: no test or
# benchmark package can be swept into the folder.
BUILD_VENV := .venv-build
INSTALLER_STAMP := $(BUILD_VENV)/.installed
XCB_PLUGIN := dist/receptiondesk/_internal/PySide6/Qt/plugins/platforms/libqxcb.so
installer: $(INSTALLER_STAMP) system-deps translations
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build build_installer.spec
	@missing=$$(ldd $(XCB_PLUGIN) 2>/dev/null | awk '/not found/ {print $$1}' | tr '\n' ' '); \
	if [ -n "$$missing" ]; then echo "Warning: the X11 platform plugin lacks $$missing(install them and rebuild)"; fi
	@du -sm dist/receptiondesk | awk '{print "dist/receptiondesk: " $$1 " MB"}'

$(INSTALLER_STAMP): pyproject.toml | $(BIN)/python
	@test -x $(BUILD_VENV)/bin/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install --quiet -e '.[installer]'
	@touch $(INSTALLER_STAMP)

# The built program checks itself: a temporary desk, a printed page read back, the window offscreen.
self-test-frozen: installer
	QT_QPA_PLATFORM=offscreen dist/receptiondesk/receptiondesk --self-test

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "ReceptionDesk needs Python 3.11 or newer ($(PYTHON) is older)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) >/dev/null 2>&1 || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing python3-venv..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && \
	    $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "Python's venv module is missing. Run: sudo apt-get install python3-venv"; exit 1; \
	  fi; }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The shared libraries Qt needs even offscreen, and pdftoppm (poppler-utils), with which the tests render
# printed documents to images; installed with apt-get when running as root.
system-deps:
	@missing=""; for lib in $(QT_LIBS); do \
	  /sbin/ldconfig -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	command -v pdftoppm >/dev/null || missing="$$missing pdftoppm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing what Qt and the document tests need:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(QT_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system libraries or tools:$$missing"; \
	    echo "Run: sudo apt-get update && sudo apt-get install -y $(QT_PACKAGES)"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
