#include "ui/certs/IssuePage.h"

#include "core/tls/CaStore.h"
#include "core/tls/IssueJob.h"
#include "core/tls/SanPreflight.h"
#include "ui/certs/CertDraft.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

IssuePage::IssuePage(CertDraft& draft, tls::CaStore& store, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_store(store)
    , m_job(new tls::IssueJob(this))
{
    setTitle(tr("Issue"));
    setSubTitle(tr("Each node gets a new key and a certificate signed by the CA. Nothing is "
                   "written to disk until the next step."));
    m_progress = new QProgressBar(this);
    m_cancel = new QPushButton(tr("Cancel issuing"), this);
    m_retry = new QPushButton(tr("Issue again"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("issueStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_cancel, &QPushButton::clicked, this, &IssuePage::cancel);
    connect(m_retry, &QPushButton::clicked, this, &IssuePage::start);
    connect(m_job, &tls::IssueJob::progressed, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_job, &tls::IssueJob::finished, this, &IssuePage::jobFinished);
    setRunning(false);
}

void IssuePage::initializePage()
{
    if (m_draft.issued.isEmpty()) {
        start();
    }
}

void IssuePage::cleanupPage()
{
    cancel();
}

bool IssuePage::isComplete() const
{
    return !m_busy && !m_draft.issued.isEmpty() && m_draft.issued.size() == m_draft.nodes.size();
}

bool IssuePage::isRunning() const
{
    return m_busy;
}

void IssuePage::setRunning(bool running)
{
    m_busy = running;
    m_cancel->setEnabled(running);
    m_retry->setVisible(!running && !isComplete());
    Q_EMIT completeChanged();
}

void IssuePage::start()
{
    if (m_busy || !m_draft.ca) {
        return;
    }
    m_draft.clearIssued();
    m_progress->setRange(0, int(m_draft.nodes.size()));
    m_progress->setValue(0);
    setRunning(true);
    if (m_draft.caStored) {
        startJob();
        return;
    }
    m_status->setText(tr("Storing CA %1 (its key encrypted, the passphrase in the keychain)…")
                          .arg(m_draft.caName));
    m_store.save(m_draft.caName, *m_draft.ca, this,
                 [this](Result<void> saved) { caStored(saved); });
}

void IssuePage::caStored(const Result<void>& saved)
{
    if (!saved) {
        m_status->setText(tr("The CA could not be stored: %1").arg(saved.error().text()));
        setRunning(false);
        Q_EMIT issueFinished();
        return;
    }
    m_draft.caStored = true;
    startJob();
}

void IssuePage::startJob()
{
    m_status->setText(tr("Issuing %n certificate(s)…", nullptr, int(m_draft.nodes.size())));
    m_job->start(*m_draft.ca, m_draft.nodes, m_draft.settings, QString(), tls::BundleOptions{});
}

void IssuePage::cancel()
{
    if (m_busy) {
        m_job->cancel();
    }
}

void IssuePage::jobFinished()
{
    const tls::BatchResult& result = m_job->result();
    const int total = int(m_draft.nodes.size());
    if (result.error) {
        m_status->setText(tr("Issuing stopped: %1").arg(result.error->text()));
    } else if (result.cancelled) {
        m_status->setText(tr("Cancelled after %1 of %2 certificates; none will be exported. "
                             "Issue again or go back.")
                              .arg(result.issued.size())
                              .arg(total));
    } else {
        m_draft.issued = result.issued;
        m_status->setText(tr("Issued %n certificate(s).", nullptr, total) + u' ' + preflightText());
    }
    setRunning(false);
    Q_EMIT issueFinished();
}

QString IssuePage::preflightText() const
{
    QMap<QString, tls::Certificate> byNode;
    for (const tls::IssuedNode& issued : m_draft.issued) {
        byNode.insert(issued.node.name, issued.certificate);
    }
    const auto findings =
        tls::SanPreflight::check(m_draft.nodes, byNode, m_draft.settings.headNames);
    if (findings.isEmpty()) {
        return tr("Preflight of the issued certificates found no gaps.");
    }
    QStringList messages;
    for (const tls::PreflightFinding& finding : findings) {
        messages << finding.message;
    }
    return tr("Preflight of the issued certificates: %1").arg(messages.join(u' '));
}

} // namespace raysec::ui
