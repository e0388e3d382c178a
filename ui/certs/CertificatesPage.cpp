#include "ui/certs/CertificatesPage.h"

#include "core/common/SafeFile.h"
#include "core/tls/BundleWriter.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/certs/CertificateInventoryModel.h"
#include "ui/certs/CertificateRenewal.h"
#include "ui/certs/CertificateWizard.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/RecordSplitter.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{{QStringLiteral("certificates"),
                                     QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Certificates"),
                                     20, [](ConsoleContext& context, QWidget* parent) {
                                         return new CertificatesPage(context, parent);
                                     }}};

QString detailText(const tls::InventoryEntry& e)
{
    auto time = [](const QDateTime& t) {
        return QLocale().toString(t.toLocalTime(), QLocale::LongFormat);
    };
    auto cert = tls::Certificate::fromPem(e.certificatePem.toStdString());
    const QString subject = cert ? cert->subject() : e.commonName;
    const QString issuer = cert ? cert->issuer() : QString();
    QStringList lines = {
        CertificatesPage::tr("Subject: %1").arg(subject),
        CertificatesPage::tr("Issuer: %1").arg(issuer),
        CertificatesPage::tr("Subject alternative names: %1")
            .arg(e.subjectAltNames.join(QStringLiteral(", "))),
        CertificatesPage::tr("SHA-256 fingerprint: %1").arg(e.fingerprint),
        CertificatesPage::tr("Serial: %1").arg(e.serial),
        CertificatesPage::tr("Valid from %1 to %2").arg(time(e.notBefore), time(e.notAfter)),
        CertificatesPage::tr("CA: %1").arg(e.caName),
    };
    if (!e.bundleDir.isEmpty()) {
        lines << CertificatesPage::tr("Bundle: %1").arg(e.bundleDir);
    }
    return lines.join(u'\n');
}

} // namespace

CertificatesPage::CertificatesPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new CertificateInventoryModel(this))
    , m_renewal(new CertificateRenewal(context, this))
{
    auto* title = new QLabel(tr("Certificates"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_ui.banner = new ErrorBanner(this);
    m_ui.warning = new ErrorBanner(this);
    auto* splitter =
        new RecordSplitter(m_model, tr("Select a certificate to see its details."), 2, this);
    m_ui.table = splitter->table();
    m_ui.details = splitter->details();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_ui.banner);
    layout->addWidget(m_ui.warning);
    layout->addWidget(splitter, 1);
    layout->addWidget(buildButtons());
    connect(m_ui.table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CertificatesPage::showSelection);
    connect(m_renewal, &CertificateRenewal::finished, this, &CertificatesPage::renewed);
    reload();
}

QWidget* CertificatesPage::buildButtons()
{
    auto* row = new QWidget(this);
    m_ui.create = new QPushButton(tr("New certificates…"), row);
    m_ui.exportButton = new QPushButton(tr("Export…"), row);
    m_ui.renew = new QPushButton(tr("Renew"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ui.create);
    layout->addWidget(m_ui.exportButton);
    layout->addWidget(m_ui.renew);
    layout->addStretch(1);
    connect(m_ui.create, &QPushButton::clicked, this, &CertificatesPage::openWizard);
    connect(m_ui.exportButton, &QPushButton::clicked, this, &CertificatesPage::chooseExportPath);
    connect(m_ui.renew, &QPushButton::clicked, this, &CertificatesPage::renewSelected);
    return row;
}

void CertificatesPage::reload()
{
    tls::CertificateInventory inventory(m_context.store());
    Result<QList<tls::InventoryEntry>> entries = std::unexpected(Error{});
    if (const Result<void> migrated = inventory.migrate(); migrated) {
        entries = inventory.list();
    } else {
        entries = std::unexpected(migrated.error());
    }
    if (!entries) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, entries.error().message,
                                 entries.error().hint);
        return;
    }
    m_model->setEntries(std::move(*entries), QDateTime::currentDateTimeUtc());
    m_ui.table->resizeColumnsToContents();
    showExpiryWarning();
    showSelection();
}

void CertificatesPage::showExpiryWarning()
{
    // A renewed certificate stays in the inventory; only the one in use needs a warning.
    QStringList soon;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const tls::InventoryEntry& entry = m_model->entry(row);
        const tls::ExpiryLevel level = entry.expiryLevel();
        if (level != tls::ExpiryLevel::Ok && !m_model->isSuperseded(row)) {
            const QString name = entry.isCa ? tr("CA %1").arg(entry.caName) : entry.nodeName;
            soon << tr("%1 (%2)").arg(name, CertificateInventoryModel::expiryText(level));
        }
    }
    if (soon.isEmpty()) {
        m_ui.warning->clear();
        return;
    }
    m_ui.warning->showMessage(
        ErrorBanner::Level::Warning,
        tr("%n certificate(s) expired or expire within 30 days: %1", nullptr, int(soon.size()))
            .arg(soon.join(QStringLiteral(", "))),
        tr("Renew them and restart the nodes; Ray reads certificates only at start."));
}

const tls::InventoryEntry* CertificatesPage::selectedEntry() const
{
    const QModelIndex current = m_ui.table->currentIndex();
    return current.isValid() ? &m_model->entry(current.row()) : nullptr;
}

void CertificatesPage::showSelection()
{
    const tls::InventoryEntry* entry = selectedEntry();
    m_ui.exportButton->setEnabled(entry != nullptr);
    m_ui.renew->setEnabled(entry && !entry->isCa && !m_renewal->isRunning());
    m_ui.details->setText(entry ? detailText(*entry)
                                : tr("Select a certificate to see its details."));
}

CertificateWizard* CertificatesPage::openWizard()
{
    auto* wizard = new CertificateWizard(m_context, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CertificateWizard::certificatesExported, this, &CertificatesPage::reload);
    wizard->show();
    return wizard;
}

void CertificatesPage::chooseExportPath()
{
    const tls::InventoryEntry* entry = selectedEntry();
    if (!entry) {
        return;
    }
    const QString suggested =
        (entry->isCa ? entry->caName : entry->nodeName) + QStringLiteral(".crt");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export certificate"), suggested,
                                                      tr("PEM certificates (*.crt *.pem)"));
    if (!path.isEmpty()) {
        exportSelected(path);
    }
}

void CertificatesPage::exportSelected(const QString& path)
{
    const tls::InventoryEntry* entry = selectedEntry();
    if (!entry) {
        return;
    }
    auto cert = tls::Certificate::fromPem(entry->certificatePem.toStdString());
    Result<void> written = cert ? Result<void>() : std::unexpected(cert.error());
    if (written && entry->isCa) {
        written = tls::BundleWriter::writeTruststore(path, {*cert});
    } else if (written) {
        const QByteArray pem = cert->toPem();
        written = SafeFile::write(path, std::string_view(pem.constData(), pem.size()));
    }
    if (!written) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, written.error().message,
                                 written.error().hint);
        return;
    }
    m_ui.banner->clear();
}

void CertificatesPage::renewSelected()
{
    const tls::InventoryEntry* entry = selectedEntry();
    if (!entry || m_renewal->isRunning()) {
        return;
    }
    m_ui.renew->setEnabled(false);
    m_renewal->start(*entry);
}

bool CertificatesPage::isRenewing() const
{
    return m_renewal->isRunning();
}

void CertificatesPage::renewed()
{
    const Result<tls::InventoryEntry>& entry = m_renewal->outcome();
    if (!entry) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, entry.error().message,
                                 entry.error().hint);
    } else {
        m_ui.banner->clear();
        reload();
        m_ui.table->selectRow(m_model->rowOf(entry->fingerprint));
    }
    showSelection();
    Q_EMIT renewFinished();
}

} // namespace raysec::ui
