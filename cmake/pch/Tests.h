// Precompiled for the Qt Test suites that need no Widgets: Core.h and Qt Test.
#pragma once

#include "Core.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
