// raysec-cli certs: certificates for Ray's gRPC mutual TLS. The subcommands live in
// CertsCaCommands.cpp, CertsIssueCommands.cpp and CertsCheckCommands.cpp; logic lives in
// core/tls.

#include "CertsCli.h"
#include "CliCommand.h"

namespace raysec::cli {

namespace {

int run(CliContext& ctx)
{
    using namespace certs;
    const QString sub = ctx.arguments().value(1);
    const QList<std::pair<QString, int (*)(CliContext&)>> subcommands = {
        {QStringLiteral("ca"), caCommand},
        {QStringLiteral("issue"), issueCommand},
        {QStringLiteral("sign-csr"), signCsrCommand},
        {QStringLiteral("inspect"), inspectCommand},
        {QStringLiteral("preflight"), preflightCommand},
        {QStringLiteral("plan-rotation"), planRotationCommand},
        {QStringLiteral("list"), listCommand},
    };
    for (const auto& [name, function] : subcommands) {
        if (sub == name) {
            return function(ctx);
        }
    }
    return ctx.usage(certs::Text::tr("certs takes ca, issue, sign-csr, inspect, preflight, "
                                     "plan-rotation or list."));
}

const CliRegistration registration{
    {QStringLiteral("certs"),
     QT_TRANSLATE_NOOP("raysec-cli", "Certificates for Ray's mutual TLS: CA, issue, check, rotate"),
     run}};

} // namespace

} // namespace raysec::cli
