#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller and proves it works with its own self-test.
# Usage: scripts/build_app.sh [PYTHON]   (default: python3; run from anywhere)
# Result: dist/Kolabik/ (Linux: dist/Kolabik/kolabik; Windows: Kolabik.exe + kolabik-cli.exe;
# macOS: dist/Kolabik.app). On Windows run the same steps in Git Bash, or by hand in PowerShell.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${1:-python3}
cd "$here"
venv=${KOLABIK_BUILD_VENV:-$here/.venv-build}
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -e ".[build]"
start=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --clean build.spec
echo "built in $(( $(date +%s) - start )) s; size: $(du -sh dist/Kolabik | cut -f1)"
case "$(uname -s)" in
  Linux*) exe=dist/Kolabik/kolabik ;;
  Darwin*) exe=dist/Kolabik.app/Contents/MacOS/Kolabik ;;
  *) exe=dist/Kolabik/kolabik-cli.exe ;;
esac
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$exe" --self-test
