#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace raysec::cli {

class CliContext;

// One top-level command of raysec-cli ("status", "profile", "keys", ...). run() returns an exit
// code, or CliContext::Pending when it finishes later through CliContext::finish().
struct CliCommand
{
    QString name;
    const char* summary; // QT_TRANSLATE_NOOP("raysec-cli", ...)
    std::function<int(CliContext&)> run;
};

// The commands compiled into raysec-cli. Each command file registers itself with a static
// CliRegistration, so adding a command touches no shared file.
class CliRegistry
{
public:
    static void add(CliCommand command);
    static const QList<CliCommand>& commands();
    static const CliCommand* find(const QString& name);
};

struct CliRegistration
{
    explicit CliRegistration(CliCommand command) { CliRegistry::add(std::move(command)); }
};

} // namespace raysec::cli
