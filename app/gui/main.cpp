// raysec: the console. Opens the store and the keychain, shows the main window, and in demo
// mode starts the simulated cluster first.

#include "GuiOptions.h"
#include "ScreenshotTaker.h"

#include "core/CoreInfo.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "ui/ConsoleContext.h"
#include "ui/demo/DemoCluster.h"
#include "ui/main/ConsoleStyle.h"
#include "ui/main/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTranslator>

#include <memory>

Q_LOGGING_CATEGORY(lcUiApp, "raysec.ui.app")

namespace {

void installTranslators(QApplication& app)
{
    // Parented to the application, so they live as long as it does.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
    auto* raysec = new QTranslator(&app);
    if (raysec->load(QLocale(), QStringLiteral("raysec"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(raysec);
        qCInfo(lcUiApp) << "loaded translation" << raysec->language();
    }
}

int fail(const raysec::Error& error)
{
    QTextStream(stderr) << error.text() << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("raysec"));
    QApplication::setApplicationDisplayName(QStringLiteral("Raysec"));
    QApplication::setApplicationVersion(raysec::versionString());
    QApplication::setDesktopFileName(QStringLiteral("io.raysec.Raysec"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.raysec.Raysec.svg")));
    raysec::installLogFormat();
    installTranslators(app);

    int exitCode = -1;
    const auto options = raysec::gui::GuiOptions::parse(app, &exitCode);
    if (exitCode >= 0) {
        return exitCode;
    }
    if (!options.dataDir.isEmpty()) {
        qputenv("RAYSEC_DATA_DIR", QFileInfo(options.dataDir).absoluteFilePath().toUtf8());
    }

    auto store = raysec::Database::open(raysec::Paths::storeFile());
    if (!store) {
        return fail(store.error());
    }
    raysec::Keychain keychain;
    raysec::ui::ConsoleStyle::apply(app);
    raysec::ui::MainWindow window(*store, keychain);

    std::unique_ptr<raysec::gui::ScreenshotTaker> screenshot;
    if (!options.screenshotPath.isEmpty()) {
        screenshot = std::make_unique<raysec::gui::ScreenshotTaker>(
            window, options.screenshotPath, options.screenshotTimeoutSeconds);
    }
    std::unique_ptr<raysec::ui::DemoCluster> demo;
    if (options.demo) {
        demo = std::make_unique<raysec::ui::DemoCluster>(*store, keychain);
        QObject::connect(demo.get(), &raysec::ui::DemoCluster::ready, &window,
                         [&window](const raysec::ClusterProfile& profile) {
                             // Set the profile itself: a stale "Demo cluster" from an earlier
                             // run may already be selected under the same name.
                             window.reloadProfiles(profile.name);
                             window.context().setCurrentProfile(profile);
                         });
        QObject::connect(demo.get(), &raysec::ui::DemoCluster::failed, &window,
                         [&screenshot](const raysec::Error& error) {
                             QTextStream(stderr) << error.text() << Qt::endl;
                             if (screenshot) {
                                 screenshot->abandon(error);
                             }
                         });
        demo->start(raysec::ui::DemoCluster::defaultProgram(),
                    QDir(raysec::Paths::dataDir()).filePath(QStringLiteral("demo-cluster")));
    }

    window.show();
    return app.exec();
}
