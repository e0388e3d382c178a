#include "ui/certs/CertificateRenewal.h"

#include "core/tls/CertificateBuilder.h"
#include "core/tls/IssueJob.h"
#include "ui/ConsoleContext.h"

#include <QDir>
#include <QFileInfo>

namespace raysec::ui {

namespace {

std::optional<tls::KeyType> keyTypeOf(const tls::Certificate& cert)
{
    const QString key = cert.keyDescription().toUpper();
    if (key.startsWith(QLatin1String("ED25519"))) {
        return tls::KeyType::Ed25519;
    }
    const std::pair<const char*, tls::KeyType> known[] = {{"EC 256", tls::KeyType::EcdsaP256},
                                                          {"EC 384", tls::KeyType::EcdsaP384},
                                                          {"RSA 2048", tls::KeyType::Rsa2048},
                                                          {"RSA 3072", tls::KeyType::Rsa3072},
                                                          {"RSA 4096", tls::KeyType::Rsa4096}};
    for (const auto& [text, type] : known) {
        if (key == QLatin1String(text)) {
            return type;
        }
    }
    return std::nullopt;
}

} // namespace

CertificateRenewal::CertificateRenewal(ConsoleContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_caStore(context.keychain())
    , m_job(new tls::IssueJob(this))
{
    connect(m_job, &tls::IssueJob::finished, this, &CertificateRenewal::issued);
}

Result<tls::NodeEntry> CertificateRenewal::nodeFor(const tls::InventoryEntry& entry)
{
    if (entry.isCa || entry.nodeName.isEmpty()) {
        return fail(QStringLiteral("tls.renew-ca"),
                    tr("%1 is a CA certificate, not a node certificate.").arg(entry.commonName),
                    tr("Renew node certificates here; make a new CA with the wizard."));
    }
    tls::NodeEntry node{entry.nodeName, {}, {}, false};
    const QStringList loopback = {QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")};
    for (const QString& san : entry.subjectAltNames) {
        if (loopback.contains(san)) {
            continue;
        }
        if (san.startsWith(QLatin1String("IP:")) && node.ip.isEmpty()) {
            node.ip = san.mid(3);
        } else {
            node.hostnames << san.mid(san.indexOf(u':') + 1);
        }
    }
    if (auto ok = node.validate(); !ok) {
        return std::unexpected(ok.error());
    }
    return node;
}

Result<tls::IssueSettings> CertificateRenewal::settingsFor(const tls::InventoryEntry& entry)
{
    auto cert = tls::Certificate::fromPem(entry.certificatePem.toStdString());
    if (!cert) {
        return std::unexpected(cert.error());
    }
    const std::optional<tls::KeyType> type = keyTypeOf(*cert);
    if (!type) {
        return fail(QStringLiteral("tls.renew-key-type"),
                    tr("The key type of %1 (%2) is not one Raysec issues.")
                        .arg(entry.commonName, cert->keyDescription()),
                    tr("Issue a new certificate for this node with the wizard."));
    }
    const qint64 days = entry.notBefore.secsTo(entry.notAfter) / 86400;
    tls::IssueSettings settings;
    settings.keyType = *type;
    settings.validityDays = int(std::clamp<qint64>(days, 1, tls::CertificateBuilder::maxLeafDays));
    return settings;
}

void CertificateRenewal::start(const tls::InventoryEntry& entry)
{
    if (m_running) {
        return;
    }
    auto node = nodeFor(entry);
    if (!node) {
        finish(std::unexpected(node.error()));
        return;
    }
    if (entry.bundleDir.isEmpty() || QFileInfo(entry.bundleDir).fileName() != entry.nodeName) {
        finish(fail(QStringLiteral("tls.renew-bundle"),
                    tr("Raysec does not know where the bundle of %1 lives.").arg(entry.nodeName),
                    tr("Issue it again with the wizard and export it to a folder.")));
        return;
    }
    m_entry = entry;
    m_running = true;
    m_caStore.load(entry.caName, this, [this](Result<tls::CertificateAuthority> ca) {
        if (!ca) {
            finish(std::unexpected(caUnavailable(ca.error())));
            return;
        }
        issueUnder(*ca);
    });
}

Error CertificateRenewal::caUnavailable(const Error& cause) const
{
    QString hint = cause.hint;
    if (cause.code.startsWith(QLatin1String("keychain."))) {
        hint = tr("Its key is encrypted under a passphrase kept in the OS keychain (service %1); "
                  "unlock the keychain that holds it, or issue under another CA with the wizard.")
                   .arg(tls::CaStore::keychainService(m_entry.caName));
    }
    return Error{QStringLiteral("tls.renew-ca-unavailable"),
                 tr("%1 was not renewed: CA %2 cannot sign. %3")
                     .arg(m_entry.nodeName, m_entry.caName, cause.message),
                 hint};
}

void CertificateRenewal::issueUnder(const tls::CertificateAuthority& ca)
{
    auto node = nodeFor(m_entry);
    auto settings = settingsFor(m_entry);
    if (!node || !settings) {
        finish(std::unexpected(!node ? node.error() : settings.error()));
        return;
    }
    const QString parent = QFileInfo(m_entry.bundleDir).absolutePath();
    m_job->start(ca, {*node}, *settings, parent, tls::BundleOptions{});
}

void CertificateRenewal::issued()
{
    const tls::BatchResult& result = m_job->result();
    if (result.error || result.issued.isEmpty()) {
        finish(fail(QStringLiteral("tls.renew"),
                    tr("Renewing %1 failed: %2")
                        .arg(m_entry.nodeName, result.error ? result.error->text() : QString()),
                    {}));
        return;
    }
    const tls::InventoryEntry renewed = tls::CertificateInventory::entryFor(
        result.issued.first().certificate, m_entry.caName, m_entry.nodeName, m_entry.bundleDir);
    tls::CertificateInventory inventory(m_context.store());
    if (auto ok = inventory.record({renewed}); !ok) {
        finish(std::unexpected(ok.error()));
        return;
    }
    finish(renewed);
}

void CertificateRenewal::finish(const Result<tls::InventoryEntry>& renewed)
{
    m_running = false;
    m_outcome = renewed;
    Q_EMIT finished();
}

} // namespace raysec::ui
