#include "ui/overview/ClusterSummary.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace raysec::ui {

ClusterSummary::ClusterSummary(QWidget* parent)
    : QWidget(parent)
{
    m_ui.version = makeCard(tr("Ray version"));
    m_ui.auth = makeCard(tr("Authentication"));
    m_ui.nodes = makeCard(tr("Nodes"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_ui.version.frame, 1);
    layout->addWidget(m_ui.auth.frame, 2);
    layout->addWidget(m_ui.nodes.frame, 1);
    clear();
}

ClusterSummary::Card ClusterSummary::makeCard(const QString& caption)
{
    Card card;
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("card"));
    card.frame = frame;
    card.caption = new QLabel(caption, frame);
    card.caption->setObjectName(QStringLiteral("cardCaption"));
    card.value = new QLabel(frame);
    card.value->setObjectName(QStringLiteral("cardValue"));
    card.note = new QLabel(frame);
    card.note->setObjectName(QStringLiteral("cardNote"));
    card.note->setWordWrap(true);
    for (QLabel* label : {card.caption, card.value, card.note}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto* layout = new QVBoxLayout(frame);
    layout->setSpacing(2);
    layout->addWidget(card.caption);
    layout->addWidget(card.value);
    layout->addWidget(card.note);
    layout->addStretch(1);
    return card;
}

void ClusterSummary::setCardState(Card& card, const char* state)
{
    card.frame->setProperty("state", QString::fromLatin1(state));
    card.frame->style()->unpolish(card.frame);
    card.frame->style()->polish(card.frame);
}

void ClusterSummary::showSnapshot(const ClusterSnapshot& snapshot)
{
    m_ui.version.value->setText(snapshot.rayVersion.isEmpty() ? tr("unknown")
                                                              : snapshot.rayVersion);
    m_ui.version.note->setText(
        snapshot.sessionName.isEmpty() ? QString() : tr("Session %1").arg(snapshot.sessionName));

    m_ui.auth.value->setText(authModeName(snapshot.authMode));
    switch (snapshot.authMode) {
    case AuthModeSeen::Token:
        m_ui.auth.note->setText(tr("Every API call needs the cluster token."));
        setCardState(m_ui.auth, "good");
        break;
    case AuthModeSeen::Disabled:
        m_ui.auth.note->setText(
            tr("Warning: anyone who can reach the dashboard can run code on the cluster "
               "(CVE-2023-48022). Start Ray with RAY_AUTH_MODE=token."));
        setCardState(m_ui.auth, "bad");
        break;
    case AuthModeSeen::NotSupported:
        m_ui.auth.note->setText(
            tr("Warning: this Ray version has no token authentication. Upgrade to Ray 2.52 or "
               "newer, or put an authenticating proxy such as the Raysec gateway in front."));
        setCardState(m_ui.auth, "bad");
        break;
    case AuthModeSeen::Unknown:
        m_ui.auth.note->setText(tr("The cluster did not say whether it checks tokens."));
        setCardState(m_ui.auth, "unknown");
        break;
    }

    m_ui.nodes.value->setText(tr("%1 alive").arg(snapshot.nodesAlive));
    m_ui.nodes.note->setText(tr("%1 dead").arg(snapshot.nodesDead));
    setCardState(m_ui.nodes, snapshot.nodesDead > 0 ? "warn" : "good");
}

void ClusterSummary::clear()
{
    for (Card* card : {&m_ui.version, &m_ui.auth, &m_ui.nodes}) {
        card->value->setText(QStringLiteral("–"));
        card->note->clear();
        setCardState(*card, "unknown");
    }
}

QString ClusterSummary::versionText() const
{
    return m_ui.version.value->text();
}

QString ClusterSummary::authText() const
{
    return m_ui.auth.value->text();
}

QString ClusterSummary::authWarning() const
{
    return m_ui.auth.note->text();
}

QString ClusterSummary::nodesText() const
{
    return m_ui.nodes.value->text() + QLatin1String(", ") + m_ui.nodes.note->text();
}

QString ClusterSummary::authModeName(AuthModeSeen mode)
{
    switch (mode) {
    case AuthModeSeen::Token:
        return tr("Token required");
    case AuthModeSeen::Disabled:
        return tr("Disabled");
    case AuthModeSeen::NotSupported:
        return tr("Not supported");
    case AuthModeSeen::Unknown:
        break;
    }
    return tr("Unknown");
}

} // namespace raysec::ui
