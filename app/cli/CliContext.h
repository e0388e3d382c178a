#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace raysec {
class Database;
class Keychain;
} // namespace raysec

namespace raysec::cli {

// What a command needs from the outside world: its arguments, the two output streams, the
// store, the keychain and secret input. Commands never read secrets from argv: readSecret()
// takes them from a file named by an option or from standard input.
class CliContext : public QObject
{
    Q_OBJECT

public:
    static constexpr int Pending = -1;
    static constexpr int ExitOk = 0;
    static constexpr int ExitFailure = 1;
    static constexpr int ExitUsage = 2;

    explicit CliContext(QStringList arguments, QObject* parent = nullptr);
    ~CliContext() override;

    // Arguments after the command name; arguments().first() is "raysec-cli <command>".
    const QStringList& arguments() const { return m_arguments; }

    // Parses arguments() with the given parser, adding --help and --json. On a usage error it
    // prints the reason and returns false; `exitCode` is then set.
    bool parse(QCommandLineParser& parser, int* exitCode);
    bool json() const { return m_json; }

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    void printJson(const nlohmann::json& value);
    // Prints an error (as JSON with --json) and returns ExitFailure.
    int report(const Error& error);
    int usage(const QString& message);

    // The store, opened and migrated on first use.
    Result<Database*> store();
    Keychain& keychain();

    // A secret from the file named by `fileOption` in the parsed arguments, or else from
    // standard input (first line). An empty secret is an error.
    Result<SecretBuffer> readSecret(const QCommandLineParser& parser, const QString& fileOption,
                                    const QString& what);

    // Ends an asynchronous command.
    void finish(int exitCode);

private:
    QStringList m_arguments;
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    std::unique_ptr<Database> m_store;
    Keychain* m_keychain = nullptr;
};

} // namespace raysec::cli
