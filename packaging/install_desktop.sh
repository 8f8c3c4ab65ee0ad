#!/usr/bin/env bash
# Put a pip-installed SummitReader into the desktop's application menu: the .desktop entry, the
# AppStream metainfo and the icons (scalable SVG, and PNGs rendered from it) under a prefix.
#
#   packaging/install_desktop.sh [--prefix DIR] [--uninstall]
#
# DIR defaults to ~/.local. The `summitreader` command is found on PATH (or set $SUMMITREADER);
# the menu entry runs it by its full path, so it works even when ~/.local/bin is not on PATH.
set -euo pipefail

APP_ID=io.github.summitreader.SummitReader
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="$HOME/.local"
UNINSTALL=0

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install_desktop.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

APPS="$PREFIX/share/applications"
METAINFO="$PREFIX/share/metainfo"
ICONS="$PREFIX/share/icons/hicolor"

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$ICONS" || true
  fi
}

if [ "$UNINSTALL" = 1 ]; then
  rm -f "$APPS/$APP_ID.desktop" "$METAINFO/$APP_ID.metainfo.xml"
  rm -f "$ICONS"/*/apps/"$APP_ID".png "$ICONS/scalable/apps/$APP_ID.svg"
  refresh_caches
  echo "removed SummitReader's desktop files from $PREFIX"
  exit 0
fi

LAUNCHER="${SUMMITREADER:-$(command -v summitreader || true)}"
if [ -z "$LAUNCHER" ] || [ ! -x "$LAUNCHER" ]; then
  echo "install_desktop.sh: the summitreader command is not on PATH; install the app first" \
       "(pip install summitreader) or set SUMMITREADER=/path/to/summitreader" >&2
  exit 1
fi
LAUNCHER="$(cd "$(dirname "$LAUNCHER")" && pwd)/$(basename "$LAUNCHER")"

# The Python the app was installed into: named on the first line of pip's launcher script.
APP_PYTHON="${PYTHON:-}"
if [ -z "$APP_PYTHON" ]; then
  first_line="$(head -n 1 "$LAUNCHER")"
  case "$first_line" in
    '#!'*python*) APP_PYTHON="${first_line#\#!}" ;;
  esac
fi

# The desktop files: from the installed package when it has them, else from this source tree.
LINUX_DIR=""
if [ -n "$APP_PYTHON" ]; then
  LINUX_DIR="$("$APP_PYTHON" -c \
    'from summitreader.resources import resource_path; print(resource_path("linux"))' \
    2>/dev/null || true)"
fi
if [ -z "$LINUX_DIR" ] || [ ! -f "$LINUX_DIR/$APP_ID.desktop" ]; then
  LINUX_DIR="$HERE/../resources/linux"
fi
if [ ! -f "$LINUX_DIR/$APP_ID.desktop" ]; then
  echo "install_desktop.sh: cannot find $APP_ID.desktop" >&2
  exit 1
fi

mkdir -p "$APPS" "$METAINFO" "$ICONS/scalable/apps"
sed -e "s|^Exec=summitreader|Exec=$LAUNCHER|" -e "s|^TryExec=summitreader$|TryExec=$LAUNCHER|" \
  "$LINUX_DIR/$APP_ID.desktop" > "$APPS/$APP_ID.desktop"
install -m 644 "$LINUX_DIR/$APP_ID.metainfo.xml" "$METAINFO/$APP_ID.metainfo.xml"
install -m 644 "$LINUX_DIR/$APP_ID.svg" "$ICONS/scalable/apps/$APP_ID.svg"

# PNG sizes for menus and docks that do not draw SVG, rendered with the app's own Qt.
if [ -n "$APP_PYTHON" ] && [ -f "$HERE/render_icons.py" ]; then
  QT_QPA_PLATFORM=offscreen "$APP_PYTHON" "$HERE/render_icons.py" "$ICONS" \
    --svg "$LINUX_DIR/$APP_ID.svg" >/dev/null
else
  echo "install_desktop.sh: PNG icons skipped (no render_icons.py or app Python); SVG installed"
fi

refresh_caches
echo "installed SummitReader into $PREFIX (runs $LAUNCHER)"
