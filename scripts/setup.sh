#!/usr/bin/env bash
# Installs the Debian 12 packages Raysec needs (scripts/debian-packages.txt) that are missing,
# then configures and builds the project with Ninja into build/.
#   scripts/setup.sh [preset]   (preset: default or ci; CI=true selects ci)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

preset=${1:-}
if [ -z "$preset" ]; then
    if [ "${CI:-}" = "true" ]; then preset=ci; else preset=default; fi
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/debian-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
fi

# The SARIF schema test validates reports with ajv and the schema that an npm package ships;
# node and npm come with the machine (Debian's nodejs otherwise). The lock file pins versions.
build_dir=build
npm_dir="$build_dir/npm"
if ! command -v npm >/dev/null; then
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends nodejs npm
fi
if [ ! -d "$npm_dir/node_modules/@microsoft/jest-sarif" ] ||
    ! cmp -s tests/core/audit/sarif/package-lock.json "$npm_dir/package-lock.json"; then
    mkdir -p "$npm_dir"
    cp tests/core/audit/sarif/package.json tests/core/audit/sarif/package-lock.json "$npm_dir/"
    npm ci --prefix "$npm_dir" --no-audit --no-fund --loglevel=error
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
