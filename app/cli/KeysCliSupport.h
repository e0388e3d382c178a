#pragma once

// Shared pieces of the `raysec-cli keys` subcommands (KeysCommand.cpp and its companions).

#include "CliContext.h"

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/keys/ApiKeyRecord.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace raysec {
class KeyManager;
}

namespace raysec::cli::keys {

// The context of the command's texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::KeysCommand)
};

// The store's key manager, migrated.
Result<std::shared_ptr<KeyManager>> manager(CliContext& ctx);

nlohmann::json toJson(const ApiKeyRecord& record, const QDateTime& now);

// "2026-12-31" (end of that day, UTC) or a full ISO 8601 date and time.
Result<QDateTime> parseDate(const QString& text, const QString& option);
// --<dateOption> DATE or --<daysOption> N from now; invalid when neither is given.
Result<QDateTime> dateOrDays(const QCommandLineParser& parser, const QString& dateOption,
                             const QString& daysOption, const QDateTime& now);

// Writes a secret straight to standard output (no QString copy), followed by a newline.
void printSecret(CliContext& ctx, const SecretBuffer& secret);
// Prints an issued key: the secret alone on stdout (info on stderr), or one JSON object.
void printIssued(CliContext& ctx, const ApiKeyRecord& record, const SecretBuffer& secret,
                 const QDateTime& now);

int exportBundle(CliContext& ctx);
int verify(CliContext& ctx);
int restore(CliContext& ctx);
int seal(CliContext& ctx);
int open(CliContext& ctx);
int recipient(CliContext& ctx);

} // namespace raysec::cli::keys
