#include "ui/certs/ExportPage.h"

#include "core/tls/CertificateInventory.h"
#include "core/tls/PassphrasePolicy.h"
#include "ui/certs/BundleExportJob.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/FieldReason.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace raysec::ui {

namespace {

// A Kubernetes namespace is a DNS label (RFC 1123): lower case, digits and dashes.
bool isNamespace(const QString& text)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(text).hasMatch();
}

} // namespace

ExportPage::ExportPage(CertDraft& draft, Database& store, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_store(store)
    , m_job(new BundleExportJob(this))
{
    setTitle(tr("Export"));
    setSubTitle(tr("Each node gets a folder with ca.crt, tls.crt, tls.key (readable only by "
                   "you) and tls.env, which turns on Ray's TLS."));
    m_ui.kubernetes = new QCheckBox(tr("Also write a Kubernetes Secret per node"), this);
    m_ui.nameSpace = new QLineEdit(QStringLiteral("ray"), this);
    m_ui.namespaceReason = makeReasonLabel(this, QStringLiteral("namespace"));
    m_ui.pkcs12 = new QCheckBox(tr("Also write PKCS#12 (tls.p12) per node"), this);
    m_ui.passphrase = new SecretLineEdit(this);
    m_ui.passphraseReason = makeReasonLabel(this, QStringLiteral("passphrase"));
    m_ui.truststore = new QLineEdit(this);
    m_ui.truststore->setPlaceholderText(tr("optional file for the CA certificate alone"));
    m_ui.truststoreReason = makeReasonLabel(this, QStringLiteral("truststore"));
    m_ui.exportButton = new QPushButton(tr("Export"), this);
    m_ui.status = new QLabel(this);
    m_ui.status->setObjectName(QStringLiteral("exportStatus"));
    m_ui.status->setTextFormat(Qt::PlainText);
    m_ui.status->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Bundle folder"), buildFolderRow());
    form->addRow(QString(), m_ui.folderReason);
    form->addRow(m_ui.kubernetes);
    form->addRow(tr("Namespace"), m_ui.nameSpace);
    form->addRow(QString(), m_ui.namespaceReason);
    form->addRow(m_ui.pkcs12);
    form->addRow(tr("PKCS#12 passphrase"), m_ui.passphrase);
    form->addRow(QString(), m_ui.passphraseReason);
    form->addRow(tr("Truststore file"), m_ui.truststore);
    form->addRow(QString(), m_ui.truststoreReason);
    form->addRow(m_ui.exportButton);
    form->addRow(m_ui.status);

    for (QLineEdit* edit : {m_ui.folder, m_ui.nameSpace, m_ui.truststore}) {
        connect(edit, &QLineEdit::textChanged, this, &ExportPage::revalidate);
    }
    connect(m_ui.kubernetes, &QCheckBox::toggled, this, &ExportPage::revalidate);
    connect(m_ui.pkcs12, &QCheckBox::toggled, this, &ExportPage::revalidate);
    connect(m_ui.passphrase, &SecretLineEdit::secretEdited, this, &ExportPage::revalidate);
    connect(m_ui.exportButton, &QPushButton::clicked, this, &ExportPage::exportNow);
    connect(m_job, &BundleExportJob::finished, this, &ExportPage::exportFinished);
    revalidate();
}

QWidget* ExportPage::buildFolderRow()
{
    auto* row = new QWidget(this);
    m_ui.folder = new QLineEdit(row);
    m_ui.folderReason = makeReasonLabel(this, QStringLiteral("folder"));
    auto* browse = new QPushButton(tr("Browse…"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ui.folder, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the bundle folder"),
                                                              m_ui.folder->text());
        if (!dir.isEmpty()) {
            m_ui.folder->setText(dir);
        }
    });
    return row;
}

void ExportPage::initializePage()
{
    m_ui.status->clear();
    revalidate();
}

bool ExportPage::checkFolder() const
{
    const QString path = m_ui.folder->text().trimmed();
    const QFileInfo info(path);
    QString reason;
    if (!path.isEmpty() && info.exists() && !info.isDir()) {
        reason = tr("%1 is a file; choose a folder for the bundles.").arg(path);
    } else if (!path.isEmpty() && info.isDir() && !info.isWritable()) {
        reason = tr("You cannot write into %1; choose another folder.").arg(path);
    }
    return showReason(m_ui.folderReason, reason) && !path.isEmpty();
}

bool ExportPage::checkExtras() const
{
    m_ui.nameSpace->setEnabled(m_ui.kubernetes->isChecked());
    m_ui.passphrase->setEnabled(m_ui.pkcs12->isChecked());
    const bool nameSpace = showReason(
        m_ui.namespaceReason,
        m_ui.kubernetes->isChecked() && !isNamespace(m_ui.nameSpace->text())
            ? tr("Use a Kubernetes namespace: lower-case letters, digits and dashes, such as ray.")
            : QString());
    QString weak;
    if (m_ui.pkcs12->isChecked()) {
        auto ok = tls::checkPassphrase(m_ui.passphrase->secret());
        weak = ok ? QString() : ok.error().text();
    }
    const bool passphrase = showReason(m_ui.passphraseReason, weak);
    const QFileInfo trust(m_ui.truststore->text().trimmed());
    const bool truststore = showReason(
        m_ui.truststoreReason,
        !m_ui.truststore->text().trimmed().isEmpty() && trust.isDir()
            ? tr("%1 is a folder; give a file name such as ca-trust.pem.").arg(trust.filePath())
            : QString());
    return nameSpace && passphrase && truststore;
}

void ExportPage::revalidate()
{
    const bool folder = checkFolder();
    const bool extras = checkExtras();
    m_ui.exportButton->setEnabled(folder && extras && !m_job->isRunning() &&
                                  !m_draft.issued.isEmpty());
    Q_EMIT completeChanged();
}

bool ExportPage::isComplete() const
{
    return !m_draft.exportedDir.isEmpty() && !m_job->isRunning();
}

void ExportPage::exportNow()
{
    if (!m_ui.exportButton->isEnabled() || !m_draft.ca) {
        return;
    }
    BundleExportRequest request{*m_draft.ca, m_draft.issued, m_ui.folder->text().trimmed(),
                                QString(),   std::nullopt,   m_ui.truststore->text().trimmed()};
    if (m_ui.kubernetes->isChecked()) {
        request.kubernetesNamespace = m_ui.nameSpace->text();
    }
    if (m_ui.pkcs12->isChecked()) {
        request.pkcs12Passphrase = m_ui.passphrase->secret().clone();
    }
    m_ui.exportButton->setEnabled(false);
    m_ui.status->setText(tr("Writing the bundles…"));
    m_job->start(std::move(request));
}

void ExportPage::exportFinished()
{
    const Result<int>& written = m_job->result();
    if (!written) {
        m_ui.status->setText(tr("The export stopped: %1").arg(written.error().text()));
        revalidate();
        return;
    }
    m_draft.exportedDir = QDir(m_ui.folder->text().trimmed()).absolutePath();
    const Result<void> recorded = recordInventory();
    QString text = tr("Wrote %n file(s) under %1.", nullptr, *written).arg(m_draft.exportedDir);
    if (!recorded) {
        text += u' ' + tr("The inventory was not updated: %1").arg(recorded.error().text());
    }
    m_ui.status->setText(text);
    revalidate();
    Q_EMIT exported();
}

Result<void> ExportPage::recordInventory()
{
    tls::CertificateInventory inventory(m_store);
    if (auto ok = inventory.migrate(); !ok) {
        return ok;
    }
    const QDir root(m_draft.exportedDir);
    QList<tls::InventoryEntry> entries{
        tls::CertificateInventory::entryFor(m_draft.ca->root(), m_draft.caName, {}, {})};
    for (const tls::IssuedNode& issued : m_draft.issued) {
        entries.append(tls::CertificateInventory::entryFor(
            issued.certificate, m_draft.caName, issued.node.name,
            root.absoluteFilePath(issued.node.name)));
    }
    return inventory.record(entries);
}

} // namespace raysec::ui
