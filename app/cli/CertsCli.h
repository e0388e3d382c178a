#pragma once

// Shared pieces of the "raysec-cli certs" subcommands: option parsing, CA loading and JSON.

#include "CliContext.h"

#include "core/tls/CertificateAuthority.h"
#include "core/tls/CertificateInventory.h"
#include "core/tls/ClusterNodeSource.h"
#include "core/tls/NodeEntry.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>

namespace raysec::cli::certs {

// The context of the command's texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::CertsCommand)
};

std::string str(const QString& text);

// A CA ready to sign, with the store name it came from (empty when given as files).
struct LoadedCa
{
    tls::CertificateAuthority ca;
    QString name;
};
using CaLoaded = std::function<void(Result<LoadedCa>)>;

// --ca NAME (stored, passphrase from the keychain) or --ca-cert/--ca-key files with an optional
// --ca-passphrase-file (or standard input) for an encrypted key.
void addCaOptions(QCommandLineParser& parser);
void loadCa(CliContext& ctx, const QCommandLineParser& parser, CaLoaded loaded);
// A CA from a chain file and a key file named by the given options.
Result<tls::CertificateAuthority> caFromFiles(CliContext& ctx, const QCommandLineParser& parser,
                                              const QString& certOption, const QString& keyOption,
                                              const QString& passphraseOption);

// Nodes from --nodes FILE and/or --node "name,ip,host;host,role" entries.
void addNodeOptions(QCommandLineParser& parser);
Result<QList<tls::NodeEntry>> nodesFromOptions(const QCommandLineParser& parser);
// Adds the alive nodes of the cluster named by --profile (if set) to `nodes`.
void nodesFromProfile(CliContext& ctx, const QCommandLineParser& parser,
                      QList<tls::NodeEntry> nodes, tls::ClusterNodeSource::Fetched fetched);

Result<tls::CertificateInventory> inventory(CliContext& ctx);
// Reads a secret from a file option that must be set (never standard input).
Result<SecretBuffer> secretFromFile(const QCommandLineParser& parser, const QString& option,
                                    const QString& what);
// A number-of-days option within the allowed range for a CA or a leaf.
Result<int> daysOption(const QCommandLineParser& parser, const QString& option, bool isCa);

nlohmann::json toJson(const tls::Certificate& cert);
nlohmann::json toJson(const tls::InventoryEntry& entry);
std::string_view view(const QByteArray& bytes);

} // namespace raysec::cli::certs

namespace raysec::cli::certs {

// The subcommands, one function each (CertsCaCommands.cpp, CertsIssueCommands.cpp,
// CertsCheckCommands.cpp).
int caCommand(CliContext& ctx);
int issueCommand(CliContext& ctx);
int signCsrCommand(CliContext& ctx);
int inspectCommand(CliContext& ctx);
int preflightCommand(CliContext& ctx);
int planRotationCommand(CliContext& ctx);
int listCommand(CliContext& ctx);

} // namespace raysec::cli::certs
