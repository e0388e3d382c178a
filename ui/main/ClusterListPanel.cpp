#include "ui/main/ClusterListPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

ClusterListPanel::ClusterListPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new QLabel(tr("&Clusters"), this);
    heading->setObjectName(QStringLiteral("sidebarHeading"));
    m_ui.list = new QListWidget(this);
    m_ui.list->setObjectName(QStringLiteral("clusterList"));
    m_ui.list->setAccessibleName(tr("Clusters"));
    m_ui.list->setUniformItemSizes(true);
    heading->setBuddy(m_ui.list);
    m_ui.add = new QPushButton(tr("&Add cluster"), this);
    m_ui.edit = new QPushButton(tr("&Edit"), this);
    m_ui.remove = new QPushButton(tr("Remo&ve"), this);
    m_ui.remove->setObjectName(QStringLiteral("dangerButton"));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_ui.edit);
    buttons->addWidget(m_ui.remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(heading);
    layout->addWidget(m_ui.list, 1);
    layout->addWidget(m_ui.add);
    layout->addLayout(buttons);

    connect(m_ui.list, &QListWidget::currentItemChanged, this, [this] {
        updateButtons();
        if (!m_filling) {
            Q_EMIT selectionChanged(selectedName());
        }
    });
    connect(m_ui.add, &QPushButton::clicked, this, &ClusterListPanel::addRequested);
    connect(m_ui.edit, &QPushButton::clicked, this,
            [this] { Q_EMIT editRequested(selectedName()); });
    connect(m_ui.list, &QListWidget::itemActivated, this,
            [this] { Q_EMIT editRequested(selectedName()); });
    connect(m_ui.remove, &QPushButton::clicked, this,
            [this] { Q_EMIT removeRequested(selectedName()); });
    updateButtons();
}

void ClusterListPanel::setProfiles(const QList<ClusterProfile>& profiles, const QString& selected)
{
    m_filling = true;
    m_ui.list->clear();
    for (const ClusterProfile& profile : profiles) {
        auto* item = new QListWidgetItem(profile.name, m_ui.list);
        item->setData(Qt::UserRole, profile.name);
        item->setToolTip(profile.dashboardUrl.toDisplayString().toHtmlEscaped());
    }
    m_filling = false;
    select(selected);
    updateButtons();
}

QString ClusterListPanel::selectedName() const
{
    const QListWidgetItem* item = m_ui.list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ClusterListPanel::select(const QString& name)
{
    for (int row = 0; row < m_ui.list->count(); ++row) {
        if (m_ui.list->item(row)->data(Qt::UserRole).toString() == name) {
            m_ui.list->setCurrentRow(row);
            return;
        }
    }
    m_ui.list->setCurrentRow(-1);
}

void ClusterListPanel::updateButtons()
{
    const bool selected = m_ui.list->currentItem() != nullptr;
    m_ui.edit->setEnabled(selected);
    m_ui.remove->setEnabled(selected);
}

} // namespace raysec::ui
