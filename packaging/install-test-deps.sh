#!/usr/bin/env bash
# Installs what only the tests need beyond packaging/install-system-deps.sh: LibreOffice's
# Writer without its window (libreoffice-writer-nogui), with which the tests convert the Word
# report (.docx) to PDF and read it back. Not a dependency of the application (about 260 MB
# with its libraries), so users installing FieldVisit do not get it. Uses sudo when not run
# as root. Safe to run again.
set -euo pipefail

packages=(libreoffice-writer-nogui)
bash "$(dirname "$0")/apt-install.sh" "${packages[@]}"
