#pragma once

#include "core/common/Error.h"
#include "sim/RayVersion.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace raysec::sim {

// Everything raysec-sim can be told on its command line, after a scenario preset has been
// applied and the explicit switches laid over it. Values are checked when parsed.
struct SimOptions
{
    Q_DECLARE_TR_FUNCTIONS(SimOptions)

public:
    enum class TlsMode
    {
        Valid,
        Expired,
        WrongHost,
        SelfSigned
    };
    enum class Malformed
    {
        None,
        Truncated,
        WrongTypes,
        Oversized,
        NotJson
    };

    quint16 port = 0;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    bool tls = true;
    TlsMode tlsMode = TlsMode::Valid;
    bool tls13Only = false;
    QString stateDir;
    bool tokenFromStdin = false;
    RayVersion rayVersion;
    QString scenario;
    int nodes = 8;
    int jobs = 12;
    int tasks = 200;
    int actors = 20;
    int placementGroups = 4;
    quint64 seed = 1;
    int latencyMs = 0;
    double errorRate = 0.0;
    bool hostile = false;
    Malformed malformed = Malformed::None;
    QList<quint16> openPorts;
    QString requestLog;
    int tickMs = 2000;

    // Parses argv; handles --help and --version itself (prints and exits) like any Qt tool.
    static Result<SimOptions> fromArguments(const QStringList& arguments);
    static QString scenarioNames();
};

} // namespace raysec::sim
