#!/usr/bin/env bash
# Builds Raysec and runs every check: formatting, layering, translations, packaging and the
# whole CTest suite, inside a private D-Bus session with an unlocked gnome-keyring so that the
# keychain tests use the real Secret Service.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup.sh ci
scripts/check-format.sh

# A throwaway keyring: its password is only for this test session. The daemon runs in the
# foreground as a child of this shell, so it ends with the tests and holds no output open.
exec dbus-run-session -- bash -c '
    set -euo pipefail
    export XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
    chmod 700 "$XDG_RUNTIME_DIR"
    printf raysec-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >/dev/null 2>&1 &
    keyring=$!
    trap "kill $keyring 2>/dev/null || true" EXIT
    for _ in $(seq 100); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true" && break
        sleep 0.1
    done
    ctest --preset ci "$@"
' bash "$@"
