#pragma once

#include <QRegularExpression>
#include <QTest>

namespace raysec::test {

// Makes the running test function fail on any Qt warning that it did not expect with
// QTest::ignoreMessage. Call it from every test class's init(). Platform noise from the
// offscreen plugin is the one exception.
inline void failOnWarnings()
{
    QTest::failOnWarning(QRegularExpression(
        QStringLiteral("^(?!This plugin does not support)(?!QStandardPaths: XDG_RUNTIME_DIR)")));
}

} // namespace raysec::test
