#include "ui/widgets/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace raysec::ui {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);

    m_ui.icon = new QLabel(this);
    m_ui.message = new QLabel(this);
    m_ui.detail = new QLabel(this);
    // The text may quote a server's answer: never interpret it as markup.
    for (QLabel* label : {m_ui.message, m_ui.detail}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_ui.message->setObjectName(QStringLiteral("bannerMessage"));
    m_ui.detail->setObjectName(QStringLiteral("bannerDetail"));
    m_ui.action = new QPushButton(this);
    m_ui.action->hide();
    m_ui.dismiss = new QPushButton(tr("Dismiss"), this);
    m_ui.dismiss->setAccessibleName(tr("Dismiss the message"));

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_ui.message);
    text->addWidget(m_ui.detail);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_ui.icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_ui.action, 0, Qt::AlignVCenter);
    layout->addWidget(m_ui.dismiss, 0, Qt::AlignVCenter);

    connect(m_ui.action, &QPushButton::clicked, this, &ErrorBanner::actionTriggered);
    connect(m_ui.dismiss, &QPushButton::clicked, this, &ErrorBanner::clear);
    hide();
}

void ErrorBanner::showMessage(Level level, const QString& message, const QString& detail)
{
    const bool error = level == Level::Error;
    setProperty("level", error ? QStringLiteral("error") : QStringLiteral("warning"));
    style()->unpolish(this);
    style()->polish(this);
    const QStyle::StandardPixmap pixmap =
        error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    m_ui.icon->setPixmap(style()->standardIcon(pixmap).pixmap(24, 24));
    m_ui.message->setText(message);
    m_ui.detail->setText(detail);
    m_ui.detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(detail.isEmpty() ? message : message + QLatin1Char(' ') + detail);
    show();
}

void ErrorBanner::setAction(const QString& label)
{
    m_ui.action->setText(label);
    m_ui.action->setVisible(!label.isEmpty());
}

void ErrorBanner::clear()
{
    m_ui.message->clear();
    m_ui.detail->clear();
    setAction({});
    hide();
}

QString ErrorBanner::message() const
{
    return m_ui.message->text();
}

QString ErrorBanner::detail() const
{
    return m_ui.detail->text();
}

} // namespace raysec::ui
