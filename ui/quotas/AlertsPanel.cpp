#include "ui/quotas/AlertsPanel.h"

#include "core/quotas/AlertHook.h"
#include "core/quotas/AlertLog.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

constexpr int idRole = Qt::UserRole;
constexpr int acknowledgedRole = Qt::UserRole + 1;

} // namespace

AlertsPanel::AlertsPanel(Database& store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
    , m_problem(new QLabel(this))
{
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
    }
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &AlertsPanel::updateButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_acknowledge);
    setConfig(QuotaConfig{});
    reloadList();
}

void AlertsPanel::setConfig(const QuotaConfig& config)
{
    m_config = config;
    m_evaluator = AlertEvaluator(config.alerts);
    if (auto open = AlertLog(m_store).openKeys()) {
        m_evaluator.restoreRaised(*open);
    } else {
        showProblem(open.error().text());
    }
    delete m_hook;
    m_hook = new AlertHook(config.alerts, this);
    connect(m_hook, &AlertHook::failed, this,
            [this](const Error& error) { showProblem(error.text()); });
}

void AlertsPanel::evaluate(const UsageReport& report)
{
    auto raised = AlertLog(m_store).record(m_evaluator.evaluate(report, m_config));
    if (!raised) {
        showProblem(raised.error().text());
        return;
    }
    for (const QuotaAlert& alert : *raised) {
        if (m_tray != nullptr) {
            m_tray->showMessage(tr("Quota alert"), tr("%1 %2 at %3 of %4")
                                                       .arg(alert.subject, alert.metric)
                                                       .arg(alert.value)
                                                       .arg(alert.limit));
        }
        m_hook->deliver(alert);
    }
    reloadList();
    if (!raised->isEmpty()) {
        Q_EMIT alertsRaised(int(raised->size()));
    }
}

void AlertsPanel::reloadList()
{
    const qint64 selected =
        m_list->currentItem() ? m_list->currentItem()->data(idRole).toLongLong() : -1;
    m_list->clear();
    auto alerts = AlertLog(m_store).list();
    if (!alerts) {
        showProblem(alerts.error().text());
        return;
    }
    const QLocale locale;
    for (const QuotaAlert& alert : *alerts) {
        QString state = alert.clearedAt ? tr("cleared") : tr("open");
        if (alert.acknowledgedAt) {
            state = tr("%1, acknowledged").arg(state);
        }
        auto* item = new QListWidgetItem(
            tr("%1 %2 reached %3% (%4 of %5) at %6, %7")
                .arg(alert.subject, alert.metric)
                .arg(alert.threshold * 100)
                .arg(alert.value)
                .arg(alert.limit)
                .arg(locale.toString(alert.raisedAt.toLocalTime(), QLocale::ShortFormat), state),
            m_list);
        item->setData(idRole, alert.id);
        item->setData(acknowledgedRole, alert.acknowledgedAt.has_value());
        if (alert.id == selected) {
            m_list->setCurrentItem(item);
        }
    }
    updateButton();
}

void AlertsPanel::acknowledgeSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr) {
        return;
    }
    auto ok = AlertLog(m_store).acknowledge(item->data(idRole).toLongLong(),
                                            QDateTime::currentDateTimeUtc());
    if (!ok) {
        showProblem(ok.error().text());
        return;
    }
    reloadList();
}

void AlertsPanel::updateButton()
{
    const QListWidgetItem* item = m_list->currentItem();
    m_acknowledge->setEnabled(item != nullptr && !item->data(acknowledgedRole).toBool());
}

void AlertsPanel::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace raysec::ui
