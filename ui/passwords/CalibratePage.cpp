#include "ui/passwords/CalibratePage.h"

#include "core/passwords/HashCalibrator.h"
#include "ui/passwords/PolicyDraft.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include <memory>
#include <optional>

namespace raysec::ui {

namespace {

Q_LOGGING_CATEGORY(lcUiPasswords, "raysec.ui.passwords")

} // namespace

CalibratePage::CalibratePage(PolicyDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Calibrate hashing"));
    setSubTitle(tr("Passwords are stored as Argon2id hashes. Choose how long one login may take "
                   "and how much memory it may use; more of both slows down anyone who steals "
                   "the hashes."));
    m_ui.target = new QSpinBox(this);
    m_ui.target->setRange(50, 10000);
    m_ui.target->setSuffix(tr(" ms"));
    m_ui.target->setValue(500);
    m_ui.memory = new QSpinBox(this);
    m_ui.memory->setRange(19, 4096);
    m_ui.memory->setSuffix(tr(" MiB"));
    m_ui.memory->setValue(64);
    m_ui.start = new QPushButton(tr("Calibrate"), this);
    m_ui.cancel = new QPushButton(tr("Cancel"), this);
    m_ui.cancel->setEnabled(false);
    m_ui.progress = new QProgressBar(this);
    m_ui.progress->setRange(0, 100);
    m_ui.result = new QLabel(this);
    m_ui.result->setTextFormat(Qt::PlainText);
    m_ui.result->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_ui.start);
    buttons->addWidget(m_ui.cancel);
    buttons->addStretch(1);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Time per login"), m_ui.target);
    form->addRow(tr("Memory per login"), m_ui.memory);
    form->addRow(QString(), buttons);
    form->addRow(tr("Progress"), m_ui.progress);
    form->addRow(QString(), m_ui.result);

    connect(m_ui.start, &QPushButton::clicked, this, &CalibratePage::start);
    connect(m_ui.cancel, &QPushButton::clicked, this, &CalibratePage::cancel);
}

CalibratePage::~CalibratePage()
{
    if (m_worker) {
        m_stop.request_stop();
        m_worker->wait();
    }
}

void CalibratePage::initializePage()
{
    const HashParameters& p = m_draft.policy().hashing;
    m_ui.memory->setValue(int(p.memLimitBytes / HashParameters::MiB));
    if (p.targetMs > 0) {
        m_ui.target->setValue(p.targetMs);
    }
    showParameters();
}

bool CalibratePage::isComplete() const
{
    return !m_worker;
}

void CalibratePage::showParameters()
{
    const HashParameters& p = m_draft.policy().hashing;
    const QString measured = p.calibratedAt.isValid()
                                 ? tr("one hash took %1 ms here").arg(p.measuredMs, 0, 'f', 0)
                                 : tr("not calibrated on this machine yet");
    m_ui.result->setText(tr("Argon2id with %1 MiB and %2 passes (%3).")
                             .arg(p.memLimitBytes / HashParameters::MiB)
                             .arg(p.opsLimit)
                             .arg(measured));
}

void CalibratePage::start()
{
    using Outcome = std::optional<Result<CalibrationResult>>;
    auto outcome = std::make_shared<Outcome>();
    m_stop = std::stop_source();
    const int target = m_ui.target->value();
    const std::size_t memory = std::size_t(m_ui.memory->value()) * HashParameters::MiB;
    QProgressBar* bar = m_ui.progress;
    auto progress = [bar](int percent) {
        QMetaObject::invokeMethod(
            bar, [bar, percent] { bar->setValue(percent); }, Qt::QueuedConnection);
    };
    m_worker = QThread::create([outcome, target, memory, progress, token = m_stop.get_token()] {
        *outcome = HashCalibrator::calibrate(target, memory, progress, token);
    });
    connect(m_worker, &QThread::finished, this, [this, outcome] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_ui.start->setEnabled(true);
        m_ui.cancel->setEnabled(false);
        if (outcome->has_value() && !**outcome) {
            m_ui.result->setText((**outcome).error().text());
        } else if (outcome->has_value() && !(**outcome)->cancelled) {
            PasswordPolicy p = m_draft.policy();
            p.hashing = (**outcome)->parameters;
            m_draft.setPolicy(p);
            showParameters();
        } else {
            m_ui.progress->setValue(0);
            m_ui.result->setText(tr("Cancelled; the previous parameters stay."));
        }
        Q_EMIT completeChanged();
        Q_EMIT calibrationFinished();
    });
    m_ui.start->setEnabled(false);
    m_ui.cancel->setEnabled(true);
    m_ui.progress->setValue(0);
    m_ui.result->setText(tr("Measuring…"));
    qCInfo(lcUiPasswords) << "calibrating Argon2id for" << target << "ms";
    m_worker->start();
    Q_EMIT completeChanged();
}

void CalibratePage::cancel()
{
    m_stop.request_stop();
    m_ui.cancel->setEnabled(false);
}

} // namespace raysec::ui
