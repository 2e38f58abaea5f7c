#!/usr/bin/env bash
# Installs the given Debian/Ubuntu packages that are not installed yet (apt-get, with sudo
# when not run as root); nothing is fetched when all are there. Used by install-system-deps.sh
# and install-test-deps.sh.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
