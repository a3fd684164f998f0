#!/usr/bin/env bash
# Registers the built app for the current user: menu entry, icon and the three file types.
# Usage: packaging/linux/install-desktop-integration.sh /path/to/dist/Kolabik
set -euo pipefail
app_dir=$(cd "${1:?give the built folder, e.g. dist/Kolabik}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/256x256/apps"
sed "s#KOLABIK_DIR#$app_dir#" "$here/kolabik.desktop" > "$data/applications/kolabik.desktop"
cp "$here/kolabik-mime.xml" "$data/mime/packages/kolabik.xml"
icon=$(find "$app_dir" -name 'kolabik-256.png' | head -n 1)
[ -n "$icon" ] && cp "$icon" "$data/icons/hicolor/256x256/apps/kolabik.png"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
for t in event kit scores; do
  command -v xdg-mime >/dev/null && xdg-mime default kolabik.desktop "application/x-kolabik-$t" || true
done
echo "Kolabik Desktop registered for $USER (menu entry and .kolabik, .kolabik-kit, .kolabik-scores)."
