#include "ui/widgets/ResourceBar.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>

#include <cmath>

namespace raysec::ui {

ResourceBar::ResourceBar(const QString& title, Unit unit, QWidget* parent)
    : QWidget(parent)
    , m_unit(unit)
{
    m_ui.title = new QLabel(title, this);
    m_ui.title->setTextFormat(Qt::PlainText);
    m_ui.title->setObjectName(QStringLiteral("resourceTitle"));
    m_ui.bar = new QProgressBar(this);
    m_ui.bar->setRange(0, 1000);
    m_ui.bar->setTextVisible(false);
    m_ui.bar->setFixedHeight(10);
    m_ui.bar->setAccessibleName(title);
    m_ui.figures = new QLabel(this);
    m_ui.figures->setTextFormat(Qt::PlainText);
    m_ui.figures->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_ui.figures->setObjectName(QStringLiteral("resourceFigures"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_ui.title, 0, 0);
    layout->addWidget(m_ui.figures, 0, 1);
    layout->addWidget(m_ui.bar, 1, 0, 1, 2);
    setUnreported();
}

void ResourceBar::setUsage(double used, double total)
{
    if (!(total > 0) || !std::isfinite(used) || !std::isfinite(total)) {
        setUnreported();
        return;
    }
    const double share = std::clamp(used / total, 0.0, 1.0);
    m_ui.bar->setValue(int(std::lround(share * 1000)));
    m_ui.bar->setEnabled(true);
    m_ui.figures->setText(tr("%1 of %2 (%3%)")
                              .arg(formatAmount(used, m_unit), formatAmount(total, m_unit))
                              .arg(int(std::lround(share * 100))));
    m_ui.bar->setAccessibleDescription(m_ui.figures->text());
    // The bar turns amber, then red, as the cluster fills up.
    const char* state = share >= 0.9 ? "high" : share >= 0.7 ? "medium" : "low";
    m_ui.bar->setProperty("load", QString::fromLatin1(state));
    m_ui.bar->style()->unpolish(m_ui.bar);
    m_ui.bar->style()->polish(m_ui.bar);
}

void ResourceBar::setUnreported()
{
    m_ui.bar->setValue(0);
    m_ui.bar->setEnabled(false);
    m_ui.figures->setText(tr("not reported"));
    m_ui.bar->setAccessibleDescription(m_ui.figures->text());
}

QString ResourceBar::figures() const
{
    return m_ui.figures->text();
}

QString ResourceBar::formatAmount(double value, Unit unit)
{
    const QLocale locale;
    if (unit == Unit::Bytes) {
        return locale.formattedDataSize(qint64(std::llround(value)), 1,
                                        QLocale::DataSizeTraditionalFormat);
    }
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return locale.toString(value, 'f', whole ? 0 : 1);
}

} // namespace raysec::ui
