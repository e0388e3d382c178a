#!/usr/bin/env bash
# Fails when the committed .ts files are out of date: runs lupdate over the translated sources
# into scratch copies and compares. Fix a failure with `ninja -C <build> raysec_lupdate`, then
# translate the new strings.
# Usage: check-translations.sh LUPDATE SOURCE_LIST TS_FILE...
set -euo pipefail
lupdate=$1
sources=$2
shift 2
# RAYSEC_LUPDATE_OPTIONS comes from CMake as a ;-separated list.
IFS=';' read -r -a options <<< "${RAYSEC_LUPDATE_OPTIONS:--locations;none;-no-obsolete;-no-ui-lines}"
includes=()
if [ -n "${RAYSEC_INCLUDE_DIR:-}" ]; then
    includes=("-I" "$RAYSEC_INCLUDE_DIR")
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for ts in "$@"; do
    copy="$scratch/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -silent "${options[@]}" "${includes[@]}" "@$sources" -ts "$copy" >/dev/null
    if ! diff -u "$ts" "$copy" > "$scratch/diff"; then
        echo "$(basename "$ts") is out of date with the sources:"
        head -n 60 "$scratch/diff"
        status=1
    else
        echo "$(basename "$ts") is in sync"
    fi
done
if [ $status -ne 0 ]; then
    echo "Run 'ninja -C <build dir> raysec_lupdate' and translate the new strings."
fi
exit $status
