#!/usr/bin/env bash
# Builds Raysec and runs every check: formatting, layering, translations, packaging and the
# whole CTest suite, inside a private D-Bus session with an unlocked gnome-keyring so that the
# keychain tests use the real Secret Service.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup.sh ci
scripts/check-format.sh

# A throwaway keyring: its password is only for this test session.
exec dbus-run-session -- bash -c '
    set -euo pipefail
    export XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
    chmod 700 "$XDG_RUNTIME_DIR"
    eval "$(printf raysec-test | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    ctest --preset ci
'
