#pragma once

#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace raysec::ui {

class ConsoleContext;

// A page of the main window (Overview, Certificates, Keys, Passwords, Quotas, Audit, ...).
// Each page file registers itself with a static PageRegistration, so adding a page touches no
// shared file. raysec_ui is linked whole-archive so that these registrations are kept.
struct PageFactory
{
    QString id;        // stable identifier, such as "overview" or "keys"
    const char* title; // QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Keys")
    int order;         // position in the navigation, ascending
    std::function<QWidget*(ConsoleContext& context, QWidget* parent)> create;
};

class PageRegistry
{
public:
    static void add(PageFactory page);
    static const QList<PageFactory>& pages(); // sorted by order
};

struct PageRegistration
{
    explicit PageRegistration(PageFactory page) { PageRegistry::add(std::move(page)); }
};

} // namespace raysec::ui
