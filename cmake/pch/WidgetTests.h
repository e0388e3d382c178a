// Precompiled for the Qt Test suites of the Widgets console: Widgets.h and Qt Test, which
// adds its widget helpers when QT_WIDGETS_LIB is defined.
#pragma once

#include "Widgets.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
