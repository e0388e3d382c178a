#include "GuiOptions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace raysec::gui {

GuiOptions GuiOptions::parse(const QApplication& app, int* exitCode)
{
    *exitCode = -1;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("raysec", "Raysec: security console for Ray clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("raysec", "Start the simulated demo cluster and connect to it."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("raysec", "Once the first data is shown, save the window as a "
                                          "PNG file, print its path and exit."),
        QApplication::translate("raysec", "file"));
    const QCommandLineOption timeout(
        QStringLiteral("screenshot-timeout"),
        QApplication::translate("raysec", "Give up on the screenshot after this many seconds."),
        QApplication::translate("raysec", "seconds"), QStringLiteral("60"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QApplication::translate("raysec", "Keep the store in this folder instead of the XDG "
                                          "data folder."),
        QApplication::translate("raysec", "folder"));
    parser.addOptions({demo, screenshot, timeout, dataDir});
    parser.process(app);

    GuiOptions options;
    options.demo = parser.isSet(demo);
    options.screenshotPath = parser.value(screenshot);
    options.dataDir = parser.value(dataDir);
    bool numeric = false;
    options.screenshotTimeoutSeconds = parser.value(timeout).toInt(&numeric);
    if (!numeric || options.screenshotTimeoutSeconds < 1) {
        QTextStream(stderr) << QApplication::translate(
                                   "raysec", "--screenshot-timeout takes a number of seconds.")
                            << Qt::endl;
        *exitCode = 64;
    }
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << QApplication::translate("raysec", "Unexpected argument '%1'.")
                                   .arg(parser.positionalArguments().first())
                            << Qt::endl;
        *exitCode = 64;
    }
    return options;
}

} // namespace raysec::gui
