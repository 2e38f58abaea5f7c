#!/usr/bin/env bash
# Installs the Debian/Ubuntu system packages FieldVisit needs: the libraries Qt loads, a
# virtual-environment capable Python, and Xvfb for running the window without a display.
# Uses sudo when not run as root. Safe to run again.
set -euo pipefail

packages=(
  # Qt (PySide6-Essentials) at run time
  libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
  # Qt's xcb platform, for a real window on X11
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
  # a virtual display for screenshots and headless runs of the real window
  xvfb xauth
  # pdftotext, pdffonts and pdftoppm: the tests read the PDF report back with them
  poppler-utils
  # fonts the report falls back on for what its font lacks: Hebrew, Arabic, symbols (DejaVu
  # Sans), emoji drawn as outlines (Symbola)
  fonts-dejavu-core fonts-symbola
  # the 公文 layout's default fonts (title and body AR PL UMing, 楷体 AR PL UKai, 黑体 WenQuanYi
  # Zen Hei, whose brackets also replace the bundled font's centred "（）"): free, but 17-21 MB
  # each, so they are not committed; without them the report uses the bundled font and says so
  fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
  # objdump: PyInstaller needs it on Linux to build the one-folder bundle (tests/packaging)
  binutils
  # appstreamcli and desktop-file-validate: the tests validate the desktop integration files
  appstream desktop-file-utils
)
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=(python3-venv)
fi
# PyInstaller also bundles Python's shared library, which Debian's python3 does not install
# (libpython3.X); only for the system Python, whose version has that package
if [ "$(command -v python3)" = /usr/bin/python3 ] && ! python3 - <<'PY' 2>/dev/null
import os, sys, sysconfig
name = sysconfig.get_config_var("INSTSONAME") or ""
libdir = sysconfig.get_config_var("LIBDIR") or ""
sys.exit(0 if name and os.path.exists(os.path.join(libdir, name)) else 1)
PY
then
  packages+=("libpython$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
fi

bash "$(dirname "$0")/apt-install.sh" "${packages[@]}"
