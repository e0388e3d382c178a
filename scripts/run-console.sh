#!/usr/bin/env bash
# Starts the built console on the demo cluster (called by scripts/run.sh after the build).
#   scripts/run-console.sh [screenshot.png]
# With a display: opens the window and keeps running until it is closed.
# Without one ($DISPLAY unset): starts Xvfb, a D-Bus session and an unlocked throwaway
# gnome-keyring, lets the console save a screenshot of its main window once the first data has
# arrived, prints the PNG's path and exits with the console's exit code.
# RAYSEC_BUILD_DIR selects the build folder (default: build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${RAYSEC_BUILD_DIR:-$root/build}
raysec="$build/bin/raysec"
if [ ! -x "$raysec" ]; then
    echo "No console at $raysec; build first with scripts/setup.sh." >&2
    exit 1
fi

secret_service_running() {
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q 'boolean true'
}

# A private keyring (and data folder) in a scratch folder: its password protects nothing real.
private_session() {
    scratch=$(mktemp -d)
    export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
    mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    export RAYSEC_RUN_SCRATCH="$scratch"
}
keyring_command='eval "$(printf raysec-demo | gnome-keyring-daemon --unlock --components=secrets)";
export GNOME_KEYRING_CONTROL; exec "$@"'

if [ -z "${DISPLAY:-}" ]; then
    shot=$(realpath -m "${1:-$build/raysec-demo.png}")
    rm -f "$shot"
    private_session
    trap 'rm -rf "$RAYSEC_RUN_SCRATCH"' EXIT
    status=0
    xvfb-run -a -s "-screen 0 1440x900x24 -nolisten tcp" \
        dbus-run-session -- sh -c "$keyring_command" raysec \
        "$raysec" --demo --screenshot "$shot" --data-dir "$XDG_DATA_HOME/raysec" \
        >"$RAYSEC_RUN_SCRATCH/stdout" || status=$?
    if [ $status -ne 0 ] || [ ! -s "$shot" ]; then
        echo "The console did not produce a screenshot (exit code $status)." >&2
        exit $(( status == 0 ? 1 : status ))
    fi
    echo "$shot"
    exit 0
fi

if secret_service_running; then
    exec "$raysec" --demo
fi
# A display but no Secret Service (a bare X session): run inside a private keyring session.
private_session
exec dbus-run-session -- sh -c "$keyring_command" raysec "$raysec" --demo
