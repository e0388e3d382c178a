#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metainfo that the .deb installs.
# Usage: check-packaging.sh INSTALLER_DIR
set -euo pipefail
dir=${1:-$(dirname "$0")/../installer}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The package installs the entry under its application id; validate it by that name.
cp "$dir/raysec.desktop" "$scratch/io.raysec.Raysec.desktop"
desktop-file-validate "$scratch/io.raysec.Raysec.desktop"
appstreamcli validate --no-net --pedantic "$dir/io.raysec.Raysec.metainfo.xml"
grep -q '<svg' "$dir/io.raysec.Raysec.svg"
echo "desktop entry, metainfo and icon are valid"
