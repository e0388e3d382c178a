#include "ui/quotas/QuotaEditor.h"

#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageJson.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

QString subjectName(QuotaSubject subject)
{
    return subject == QuotaSubject::Team ? QuotaEditor::tr("team") : QuotaEditor::tr("key");
}

} // namespace

QuotaEditor::QuotaEditor(Database& store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(0, 4, this))
    , m_message(new QLabel(this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("For"), tr("Name"), tr("Soft limits (alert)"), tr("Hard limits (admission)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &QuotaEditor::loadSelected);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buildPolicyForm());
    layout->addWidget(buildAlertForm());
    layout->addWidget(m_message);
}

QWidget* QuotaEditor::buildPolicyForm()
{
    auto* box = new QGroupBox(tr("Policy"), this);
    m_subject = new QComboBox(box);
    m_subject->addItem(tr("Team"), int(QuotaSubject::Team));
    m_subject->addItem(tr("API key"), int(QuotaSubject::Key));
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setPlaceholderText(tr("team name or key id"));
    m_soft = new QLineEdit(box);
    m_soft->setObjectName(QStringLiteral("softLimits"));
    m_soft->setPlaceholderText(tr("for example CPU=8,GPU=2"));
    m_hard = new QLineEdit(box);
    m_hard->setObjectName(QStringLiteral("hardLimits"));
    m_hard->setPlaceholderText(tr("for example CPU=10,GPU=4,memory=68719476736,jobs=3"));
    auto* save = new QPushButton(tr("Save policy"), box);
    save->setObjectName(QStringLiteral("savePolicy"));
    auto* remove = new QPushButton(tr("Remove policy"), box);
    remove->setObjectName(QStringLiteral("removePolicy"));
    connect(save, &QPushButton::clicked, this, &QuotaEditor::savePolicy);
    connect(remove, &QPushButton::clicked, this, &QuotaEditor::removePolicy);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(remove);
    buttons->addWidget(save);
    auto* form = new QFormLayout(box);
    form->addRow(tr("For:"), m_subject);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Soft limits:"), m_soft);
    form->addRow(tr("Hard limits:"), m_hard);
    form->addRow(buttons);
    return box;
}

QWidget* QuotaEditor::buildAlertForm()
{
    auto* box = new QGroupBox(tr("Alerts"), this);
    m_thresholds = new QLineEdit(box);
    m_thresholds->setObjectName(QStringLiteral("thresholds"));
    m_thresholds->setPlaceholderText(tr("percent of the limit, for example 80, 100"));
    m_hysteresis = new QLineEdit(box);
    m_hysteresis->setObjectName(QStringLiteral("hysteresis"));
    m_hysteresis->setPlaceholderText(tr("percentage points, for example 5"));
    auto* save = new QPushButton(tr("Save alert settings"), box);
    save->setObjectName(QStringLiteral("saveAlerts"));
    connect(save, &QPushButton::clicked, this, &QuotaEditor::saveAlerts);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Thresholds (%):"), m_thresholds);
    form->addRow(tr("Hysteresis (points):"), m_hysteresis);
    form->addRow(save);
    return box;
}

QString QuotaEditor::limitsText(const QuotaLimits& limits)
{
    QStringList parts;
    for (const QString& metric : limits.metrics()) {
        parts.append(QStringLiteral("%1=%2").arg(metric).arg(*limits.limit(metric), 0, 'g', 15));
    }
    return parts.join(QLatin1Char(','));
}

void QuotaEditor::setConfig(const QuotaConfig& config)
{
    m_config = config;
    fillTable();
    QStringList percents;
    for (double threshold : config.alerts.thresholds) {
        percents.append(QString::number(threshold * 100, 'g', 6));
    }
    m_thresholds->setText(percents.join(QLatin1String(", ")));
    m_hysteresis->setText(QString::number(config.alerts.hysteresis * 100, 'g', 6));
}

void QuotaEditor::fillTable()
{
    m_table->setRowCount(int(m_config.policies.size()));
    for (int row = 0; row < m_config.policies.size(); ++row) {
        const QuotaPolicy& policy = m_config.policies.at(row);
        const QStringList cells{subjectName(policy.subject), policy.name, limitsText(policy.soft),
                                limitsText(policy.hard)};
        for (int column = 0; column < cells.size(); ++column) {
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    m_table->resizeColumnsToContents();
}

void QuotaEditor::loadSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_config.policies.size()) {
        return;
    }
    const QuotaPolicy& policy = m_config.policies.at(row);
    m_subject->setCurrentIndex(m_subject->findData(int(policy.subject)));
    m_name->setText(policy.name);
    m_soft->setText(limitsText(policy.soft));
    m_hard->setText(limitsText(policy.hard));
}

void QuotaEditor::savePolicy()
{
    QuotaPolicy policy;
    policy.subject = QuotaSubject(m_subject->currentData().toInt());
    policy.name = m_name->text().trimmed();
    if (policy.name.isEmpty()) {
        report(tr("Name the team or the API key id the policy is for."), true);
        return;
    }
    QString error;
    policy.soft = UsageJson::parseLimits(m_soft->text(), &error);
    if (error.isEmpty()) {
        policy.hard = UsageJson::parseLimits(m_hard->text(), &error);
    }
    if (!error.isEmpty()) {
        report(tr("%1 Write limits as NAME=NUMBER, separated by commas.").arg(error), true);
        return;
    }
    QuotaConfig changed = m_config;
    changed.upsert(policy);
    if (store(changed)) {
        report(tr("Saved the policy of %1 %2.").arg(subjectName(policy.subject), policy.name),
               false);
    }
}

void QuotaEditor::removePolicy()
{
    const auto subject = QuotaSubject(m_subject->currentData().toInt());
    const QString name = m_name->text().trimmed();
    QuotaConfig changed = m_config;
    const auto removed = changed.policies.removeIf(
        [&](const QuotaPolicy& p) { return p.subject == subject && p.name == name; });
    if (removed == 0) {
        report(tr("There is no policy for %1 \"%2\" to remove.").arg(subjectName(subject), name),
               true);
        return;
    }
    if (store(changed)) {
        report(tr("Removed the policy of %1 %2.").arg(subjectName(subject), name), false);
    }
}

void QuotaEditor::saveAlerts()
{
    QuotaConfig changed = m_config;
    changed.alerts.thresholds.clear();
    for (const QString& part : m_thresholds->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double percent = part.trimmed().toDouble(&ok);
        if (!ok) {
            report(tr("\"%1\" is not a number. Write thresholds as percentages, for example "
                      "80, 100.")
                       .arg(part.trimmed()),
                   true);
            return;
        }
        changed.alerts.thresholds.append(percent / 100);
    }
    bool ok = false;
    changed.alerts.hysteresis = m_hysteresis->text().trimmed().toDouble(&ok) / 100;
    if (!ok) {
        report(tr("The hysteresis is not a number. Write percentage points, for example 5."), true);
        return;
    }
    if (store(changed)) {
        report(tr("Saved the alert settings."), false);
    }
}

bool QuotaEditor::store(const QuotaConfig& changed)
{
    if (auto valid = changed.validated(); !valid) {
        report(tr("Not saved: %1").arg(valid.error().text()), true);
        return false;
    }
    if (auto saved = QuotaRepository(m_store).save(changed); !saved) {
        report(tr("Not saved: %1").arg(saved.error().text()), true);
        return false;
    }
    setConfig(changed);
    Q_EMIT configSaved(changed);
    return true;
}

void QuotaEditor::report(const QString& text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: palette(highlighted-text); "
                                                      "background: #b3261e; padding: 4px;")
                                     : QString());
    m_message->show();
}

} // namespace raysec::ui
