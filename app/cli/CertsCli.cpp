#include "CertsCli.h"

#include "core/common/SafeFile.h"
#include "core/store/Database.h"
#include "core/store/ProfileRepository.h"
#include "core/tls/CaStore.h"
#include "core/tls/CertificateBuilder.h"
#include "core/tls/NodeListParser.h"
#include "core/tls/PassphrasePolicy.h"

#include <QFile>

namespace raysec::cli::certs {

std::string str(const QString& text)
{
    return text.toStdString();
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

void addCaOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("ca"), Text::tr("Stored CA to sign with."), Text::tr("name")},
        {QStringLiteral("ca-cert"), Text::tr("CA certificate chain file (PEM), instead of --ca."),
         Text::tr("file")},
        {QStringLiteral("ca-key"), Text::tr("CA private key file (PEM), with --ca-cert."),
         Text::tr("file")},
        {QStringLiteral("ca-passphrase-file"),
         Text::tr("File holding the passphrase of an encrypted --ca-key (else standard input)."),
         Text::tr("file")},
    });
}

Result<tls::CertificateAuthority> caFromFiles(CliContext& ctx, const QCommandLineParser& parser,
                                              const QString& certOption, const QString& keyOption,
                                              const QString& passphraseOption)
{
    auto chain = SafeFile::read(parser.value(certOption));
    auto key = SafeFile::read(parser.value(keyOption));
    if (!chain || !key) {
        return std::unexpected(!chain ? chain.error() : key.error());
    }
    std::optional<SecretBuffer> passphrase;
    if (tls::PrivateKey::isEncryptedPem(view(*key))) {
        auto secret = ctx.readSecret(parser, passphraseOption, Text::tr("CA key passphrase"));
        if (!secret) {
            return std::unexpected(secret.error());
        }
        passphrase = std::move(*secret);
    }
    return tls::CertificateAuthority::import(view(*chain), view(*key),
                                             passphrase ? &*passphrase : nullptr);
}

void loadCa(CliContext& ctx, const QCommandLineParser& parser, CaLoaded loaded)
{
    if (parser.isSet(QStringLiteral("ca-cert")) || parser.isSet(QStringLiteral("ca-key"))) {
        if (!parser.isSet(QStringLiteral("ca-cert")) || !parser.isSet(QStringLiteral("ca-key"))) {
            loaded(fail(QStringLiteral("cli.usage"),
                        Text::tr("--ca-cert and --ca-key go together."),
                        Text::tr("Give both files, or a stored CA with --ca.")));
            return;
        }
        auto ca = caFromFiles(ctx, parser, QStringLiteral("ca-cert"), QStringLiteral("ca-key"),
                              QStringLiteral("ca-passphrase-file"));
        loaded(ca ? Result<LoadedCa>(LoadedCa{std::move(*ca), {}})
                  : Result<LoadedCa>(std::unexpected(ca.error())));
        return;
    }
    if (!parser.isSet(QStringLiteral("ca"))) {
        loaded(fail(QStringLiteral("cli.usage"), Text::tr("No CA was given."),
                    Text::tr("Name a stored CA with --ca, or give --ca-cert and --ca-key.")));
        return;
    }
    const QString name = parser.value(QStringLiteral("ca"));
    auto store = std::make_shared<tls::CaStore>(ctx.keychain());
    store->load(name, &ctx, [store, name, loaded](Result<tls::CertificateAuthority> ca) {
        if (!ca) {
            loaded(std::unexpected(ca.error()));
            return;
        }
        loaded(LoadedCa{std::move(*ca), name});
    });
}

void addNodeOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("nodes"), Text::tr("Node list file (text or CSV)."), Text::tr("file")},
        {QStringLiteral("node"), Text::tr("One node as name,ip[,host;host[,head]]; repeatable."),
         Text::tr("entry")},
        {QStringLiteral("profile"), Text::tr("Read the nodes from a cluster profile."),
         Text::tr("name")},
    });
}

Result<QList<tls::NodeEntry>> nodesFromOptions(const QCommandLineParser& parser)
{
    QList<tls::NodeEntry> nodes;
    if (parser.isSet(QStringLiteral("nodes"))) {
        auto fromFile = tls::NodeListParser::readFile(parser.value(QStringLiteral("nodes")));
        if (!fromFile) {
            return std::unexpected(fromFile.error());
        }
        nodes = *fromFile;
    }
    const QStringList typed = parser.values(QStringLiteral("node"));
    if (!typed.isEmpty()) {
        auto entries = tls::NodeListParser::parse(typed.join(QLatin1Char('\n')).toUtf8());
        if (!entries) {
            return std::unexpected(entries.error());
        }
        nodes += *entries;
    }
    // Nodes from --profile are added later by nodesFromProfile(), and checked there.
    if (parser.isSet(QStringLiteral("profile")) && nodes.isEmpty()) {
        return nodes;
    }
    if (auto ok = tls::validateNodes(nodes); !ok) {
        return std::unexpected(ok.error());
    }
    return nodes;
}

void nodesFromProfile(CliContext& ctx, const QCommandLineParser& parser,
                      QList<tls::NodeEntry> nodes, tls::ClusterNodeSource::Fetched fetched)
{
    if (!parser.isSet(QStringLiteral("profile"))) {
        fetched(std::move(nodes));
        return;
    }
    auto db = ctx.store();
    if (!db) {
        fetched(std::unexpected(db.error()));
        return;
    }
    ProfileRepository repo(**db);
    auto migrated = repo.migrate();
    auto profile = migrated ? repo.find(parser.value(QStringLiteral("profile")))
                            : Result<ClusterProfile>(std::unexpected(migrated.error()));
    if (!profile) {
        fetched(std::unexpected(profile.error()));
        return;
    }
    tls::ClusterNodeSource::fetch(*profile, ctx.keychain(), &ctx,
                                  [nodes, fetched](Result<QList<tls::NodeEntry>> fromCluster) {
                                      if (!fromCluster) {
                                          fetched(std::unexpected(fromCluster.error()));
                                          return;
                                      }
                                      const QList<tls::NodeEntry> all = nodes + *fromCluster;
                                      if (auto ok = tls::validateNodes(all); !ok) {
                                          fetched(std::unexpected(ok.error()));
                                          return;
                                      }
                                      fetched(all);
                                  });
}

Result<tls::CertificateInventory> inventory(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    tls::CertificateInventory inv(**db);
    if (auto ok = inv.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return inv;
}

Result<SecretBuffer> secretFromFile(const QCommandLineParser& parser, const QString& option,
                                    const QString& what)
{
    QFile file(parser.value(option));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cli.secret-file"),
                    Text::tr("Cannot read the %1 from %2: %3.")
                        .arg(what, file.fileName(), file.errorString()),
                    Text::tr("Check the path given with --%1.").arg(option));
    }
    SecretBuffer secret = SecretBuffer::readLine(file);
    if (auto ok = tls::checkPassphrase(secret); !ok) {
        return std::unexpected(ok.error());
    }
    return secret;
}

Result<int> daysOption(const QCommandLineParser& parser, const QString& option, bool isCa)
{
    bool numeric = false;
    const int days = parser.value(option).toInt(&numeric);
    if (!numeric) {
        return fail(QStringLiteral("cli.usage"),
                    Text::tr("--%1 takes a whole number of days.").arg(option));
    }
    if (auto ok = tls::CertificateBuilder::checkValidity(days, isCa); !ok) {
        return std::unexpected(ok.error());
    }
    return days;
}

nlohmann::json toJson(const tls::Certificate& cert)
{
    nlohmann::json sans = nlohmann::json::array();
    for (const QString& san : cert.subjectAltNames()) {
        sans.push_back(str(san));
    }
    return {{"subject", str(cert.subject())},
            {"issuer", str(cert.issuer())},
            {"serial", str(cert.serialHex())},
            {"sha256", str(cert.sha256Fingerprint())},
            {"notBefore", str(cert.notBefore().toString(Qt::ISODate))},
            {"notAfter", str(cert.notAfter().toString(Qt::ISODate))},
            {"isCa", cert.isCa()},
            {"serverAndClientAuth", cert.hasServerAndClientAuth()},
            {"key", str(cert.keyDescription())},
            {"subjectAltNames", sans}};
}

nlohmann::json toJson(const tls::InventoryEntry& e)
{
    static const char* levels[] = {"ok", "within-30-days", "within-7-days", "expired"};
    nlohmann::json sans = nlohmann::json::array();
    for (const QString& san : e.subjectAltNames) {
        sans.push_back(str(san));
    }
    return {{"sha256", str(e.fingerprint)},
            {"serial", str(e.serial)},
            {"commonName", str(e.commonName)},
            {"node", str(e.nodeName)},
            {"ca", str(e.caName)},
            {"isCa", e.isCa},
            {"subjectAltNames", sans},
            {"notAfter", str(e.notAfter.toString(Qt::ISODate))},
            {"daysLeft", e.daysLeft()},
            {"expiry", levels[int(e.expiryLevel())]},
            {"bundle", str(e.bundleDir)},
            {"keyKept", e.hasEncryptedKey}};
}

} // namespace raysec::cli::certs
