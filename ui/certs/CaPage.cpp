#include "ui/certs/CaPage.h"

#include "core/tls/CaStore.h"
#include "core/tls/CertificateBuilder.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/FieldReason.h"
#include "ui/certs/KeyTypeLabels.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

// The days field as a number; -1 when it is not one.
int daysValue(const QLineEdit* edit)
{
    bool ok = false;
    const int days = edit->text().trimmed().toInt(&ok);
    return ok ? days : -1;
}

} // namespace

CaPage::CaPage(CertDraft& draft, tls::CaStore& store, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_store(store)
{
    setTitle(tr("Certificate authority"));
    setSubTitle(tr("Every node certificate is signed by this CA, and every node trusts it."));
    m_ui.create = new QRadioButton(tr("Create a new CA"), this);
    m_ui.import = new QRadioButton(tr("Import a CA from PEM files"), this);
    auto* group = new QButtonGroup(this);
    group->addButton(m_ui.create);
    group->addButton(m_ui.import);
    m_ui.create->setChecked(true);
    m_ui.name = new QLineEdit(this);
    m_ui.name->setObjectName(QStringLiteral("caName"));
    m_ui.name->setPlaceholderText(tr("prod"));
    m_ui.nameReason = makeReasonLabel(this, QStringLiteral("caName"));
    m_ui.result = makeReasonLabel(this, QStringLiteral("caResult"));

    auto* nameRow = new QFormLayout;
    nameRow->addRow(tr("Name in Raysec"), m_ui.name);
    nameRow->addRow(QString(), m_ui.nameReason);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(nameRow);
    layout->addWidget(m_ui.create);
    layout->addWidget(m_ui.newBox = buildNewBox());
    layout->addWidget(m_ui.import);
    layout->addWidget(m_ui.importBox = buildImportBox());
    layout->addWidget(m_ui.result);
    layout->addStretch(1);

    for (QLineEdit* edit : {m_ui.name, m_ui.commonName, m_ui.days, m_ui.chain, m_ui.key}) {
        connect(edit, &QLineEdit::textChanged, this, &CaPage::revalidate);
    }
    connect(m_ui.create, &QRadioButton::toggled, this, &CaPage::revalidate);
    connect(m_ui.passphrase, &SecretLineEdit::secretEdited, this,
            [this] { showReason(m_ui.result, {}); });
    revalidate();
}

QWidget* CaPage::buildNewBox()
{
    auto* box = new QWidget(this);
    m_ui.commonName = new QLineEdit(tr("Ray cluster CA"), box);
    m_ui.days = new QLineEdit(QString::number(tls::CertificateBuilder::defaultCaDays), box);
    m_ui.days->setObjectName(QStringLiteral("caDays"));
    m_ui.keyType = new QComboBox(box);
    fillKeyTypes(m_ui.keyType);
    m_ui.commonNameReason = makeReasonLabel(box, QStringLiteral("caCommonName"));
    m_ui.daysReason = makeReasonLabel(box, QStringLiteral("caDays"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Common name"), m_ui.commonName);
    form->addRow(QString(), m_ui.commonNameReason);
    form->addRow(tr("Key type"), m_ui.keyType);
    form->addRow(tr("Valid for (days)"), m_ui.days);
    form->addRow(QString(), m_ui.daysReason);
    return box;
}

QWidget* CaPage::buildImportBox()
{
    auto* box = new QWidget(this);
    m_ui.chain = new QLineEdit(box);
    m_ui.key = new QLineEdit(box);
    m_ui.passphrase = new SecretLineEdit(box);
    m_ui.passphrase->setPlaceholderText(tr("only for an encrypted key"));
    m_ui.chainReason = makeReasonLabel(box, QStringLiteral("caChain"));
    m_ui.keyReason = makeReasonLabel(box, QStringLiteral("caKey"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Certificate chain (PEM)"), fileRow(m_ui.chain, tr("Choose the CA chain")));
    form->addRow(QString(), m_ui.chainReason);
    form->addRow(tr("CA key (PEM)"), fileRow(m_ui.key, tr("Choose the CA key")));
    form->addRow(QString(), m_ui.keyReason);
    form->addRow(tr("Key passphrase"), m_ui.passphrase);
    return box;
}

QWidget* CaPage::fileRow(QLineEdit* edit, const QString& title)
{
    auto* row = new QWidget(edit->parentWidget());
    auto* browse = new QPushButton(tr("Browse…"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!path.isEmpty()) {
            edit->setText(path);
        }
    });
    return row;
}

bool CaPage::checkName() const
{
    const QString name = m_ui.name->text().trimmed();
    QString reason;
    if (name.isEmpty()) {
        reason = tr("Give the CA a name, such as prod; it names the CA in the store.");
    } else if (!tls::CaStore::isValidName(name)) {
        reason = tr("Use letters, digits, dots, dashes or underscores for the name.");
    } else if (m_store.contains(name)) {
        reason = tr("A CA named %1 is already stored; choose another name.").arg(name);
    }
    return showReason(m_ui.nameReason, name.isEmpty() ? QString() : reason) && reason.isEmpty();
}

bool CaPage::checkNew() const
{
    const bool named = showReason(m_ui.commonNameReason,
                                  m_ui.commonName->text().trimmed().isEmpty()
                                      ? tr("Give the CA a common name, such as Ray cluster CA.")
                                      : QString());
    const int days = daysValue(m_ui.days);
    const int maximum = tls::CertificateBuilder::maxCaDays;
    const bool inRange = showReason(
        m_ui.daysReason, days >= 1 && days <= maximum
                             ? QString()
                             : tr("Give a whole number of days from 1 to %1; Ray's examples use "
                                  "3650 for a CA.")
                                   .arg(maximum));
    return named && inRange;
}

bool CaPage::checkImport() const
{
    auto fileReason = [this](const QLineEdit* edit) {
        const QString path = edit->text().trimmed();
        if (path.isEmpty()) {
            return QString();
        }
        return QFileInfo(path).isFile()
                   ? QString()
                   : tr("No readable file at %1; choose the PEM file.").arg(path);
    };
    const bool chain = showReason(m_ui.chainReason, fileReason(m_ui.chain));
    const bool key = showReason(m_ui.keyReason, fileReason(m_ui.key));
    return chain && key && !m_ui.chain->text().trimmed().isEmpty() &&
           !m_ui.key->text().trimmed().isEmpty();
}

void CaPage::revalidate()
{
    const bool creating = m_ui.create->isChecked();
    m_ui.newBox->setEnabled(creating);
    m_ui.importBox->setEnabled(!creating);
    showReason(m_ui.result, {});
    const bool name = checkName();
    const bool details = creating ? checkNew() : checkImport();
    const bool valid = name && details;
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT completeChanged();
    }
}

bool CaPage::isComplete() const
{
    return m_valid;
}

bool CaPage::validatePage()
{
    const bool ok = m_ui.create->isChecked() ? createCa() : importCa();
    if (ok) {
        m_draft.caName = m_ui.name->text().trimmed();
        m_draft.caIsNew = true; // imported CAs are stored too, so renewals can load them
        m_draft.caStored = false;
        m_draft.clearIssued();
    }
    return ok;
}

bool CaPage::createCa()
{
    tls::CaOptions options;
    options.commonName = m_ui.commonName->text().trimmed();
    options.keyType = selectedKeyType(m_ui.keyType);
    options.validityDays = daysValue(m_ui.days);
    auto ca = tls::CertificateAuthority::create(options);
    if (!ca) {
        return showReason(m_ui.result, ca.error().text());
    }
    m_draft.ca = std::move(*ca);
    return true;
}

bool CaPage::importCa()
{
    auto readKey = [](const QString& path) -> std::optional<SecretBuffer> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return std::nullopt;
        }
        return SecretBuffer::readAll(file);
    };
    QFile chainFile(m_ui.chain->text().trimmed());
    std::optional<SecretBuffer> key = readKey(m_ui.key->text().trimmed());
    if (!chainFile.open(QIODevice::ReadOnly) || !key) {
        return showReason(m_ui.result, tr("The chain or the key file cannot be read."));
    }
    const QByteArray chain = chainFile.read(4 * 1024 * 1024);
    const SecretBuffer& passphrase = m_ui.passphrase->secret();
    auto ca = tls::CertificateAuthority::import(chain.toStdString(), key->view(),
                                                passphrase.isEmpty() ? nullptr : &passphrase);
    if (!ca) {
        return showReason(m_ui.result, ca.error().text());
    }
    m_draft.ca = std::move(*ca);
    return true;
}

} // namespace raysec::ui
