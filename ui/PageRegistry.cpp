#include "ui/PageRegistry.h"

#include <algorithm>

namespace raysec::ui {

namespace {

// A function-local static, so registrations from other translation units' static initialisers
// never run before the list exists.
QList<PageFactory>& registry()
{
    static QList<PageFactory> pages;
    return pages;
}

} // namespace

void PageRegistry::add(PageFactory page)
{
    QList<PageFactory>& pages = registry();
    const auto position = std::upper_bound(
        pages.begin(), pages.end(), page.order,
        [](int order, const PageFactory& existing) { return order < existing.order; });
    pages.insert(position, std::move(page));
}

const QList<PageFactory>& PageRegistry::pages()
{
    return registry();
}

} // namespace raysec::ui
