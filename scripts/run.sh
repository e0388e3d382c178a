#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console on the built-in demo cluster.
# Without a display it runs under Xvfb, saves a screenshot of the main window once the first
# data has arrived, prints the PNG's path and exits.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" default
exec "$root/scripts/run-console.sh" "$@"
