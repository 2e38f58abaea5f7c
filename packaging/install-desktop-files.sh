#!/usr/bin/env bash
# Installs FieldVisit's desktop entry, icons and AppStream metainfo on Linux, so that menus,
# docks and software centres show it with its icon.
#
#   bash packaging/install-desktop-files.sh                 # for this user: ~/.local/share
#   sudo bash packaging/install-desktop-files.sh --prefix /usr/local
#   bash packaging/install-desktop-files.sh --exec "$PWD/dist/fieldvisit/fieldvisit"
#   bash packaging/install-desktop-files.sh --uninstall     # removes what it installed
#
# --exec sets the desktop entry's command (default: `fieldvisit` on the PATH, as `pip install .`
# provides; give the bundle's executable to start a PyInstaller build). DESTDIR is honoured for
# distribution packaging. Safe to run again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
app_id="io.github.fieldvisit.FieldVisit"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_command=""
uninstall=false

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) data="$2/share"; shift 2 ;;
    --prefix=*) data="${1#--prefix=}/share"; shift ;;
    --exec) exec_command="$2"; shift 2 ;;
    --exec=*) exec_command="${1#--exec=}"; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install-desktop-files.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
target="${DESTDIR:-}$data"

installed=(
  "applications/fieldvisit.desktop"
  "metainfo/$app_id.metainfo.xml"
  "icons/hicolor/scalable/apps/fieldvisit.svg"
)
for png in "$root"/resources/icons/hicolor/*/apps/fieldvisit.png; do
  installed+=("icons/hicolor/${png#"$root/resources/icons/hicolor/"}")
done

if $uninstall; then
  for file in "${installed[@]}"; do rm -f "$target/$file"; done
else
  install -D -m 644 "$here/fieldvisit.desktop" "$target/applications/fieldvisit.desktop"
  if [ -n "$exec_command" ]; then
    # quote per the desktop entry spec when the path has spaces
    case "$exec_command" in *" "*) exec_command="\"$exec_command\"" ;; esac
    sed -i "s|^Exec=.*|Exec=${exec_command//|/\\|}|" "$target/applications/fieldvisit.desktop"
  fi
  install -D -m 644 "$here/$app_id.metainfo.xml" "$target/metainfo/$app_id.metainfo.xml"
  install -D -m 644 "$root/resources/icons/fieldvisit.svg" \
    "$target/icons/hicolor/scalable/apps/fieldvisit.svg"
  for png in "$root"/resources/icons/hicolor/*/apps/fieldvisit.png; do
    install -D -m 644 "$png" "$target/icons/hicolor/${png#"$root/resources/icons/hicolor/"}"
  done
fi

# refresh the caches where the tools exist (skipped when staging into DESTDIR)
if [ -z "${DESTDIR:-}" ]; then
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$target/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$target/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$target/icons/hicolor" 2>/dev/null || true
  fi
fi

if $uninstall; then verb="removed"; else verb="installed"; fi
echo "$verb ${#installed[@]} files under $target"
