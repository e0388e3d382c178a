#!/usr/bin/env bash
# Fails when a file under core/ includes a Qt Gui or Widgets header, or when a core target
# links those modules. Core must stay usable by the CLI and the gateway without a display.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
bad=$(grep -rnE '#\s*include\s*[<"](QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QMessageBox|QDialog|QPixmap|QImage|QIcon|QColor|QFont|QPainter|QClipboard|QAction|QMainWindow|QtCharts)' \
      "$root/core" || true)
if [ -n "$bad" ]; then
    echo "core/ must not include GUI headers:"
    echo "$bad"
    exit 1
fi
links=$(grep -rnE 'Qt6?::(Gui|Widgets|Charts|Svg)' "$root/core" --include=CMakeLists.txt || true)
if [ -n "$links" ]; then
    echo "core/ targets must not link GUI modules:"
    echo "$links"
    exit 1
fi
echo "core/ is free of Gui and Widgets"
