#include "sim/SimOptions.h"

#include <QCommandLineParser>

#include <array>
#include <functional>

namespace raysec::sim {

namespace {

struct OptionSpec
{
    const char* name;
    const char* valueName; // nullptr for a plain switch
    const char* description;
};

// The switches, documented here for --help and in docs/simulator.md.
constexpr OptionSpec kOptions[] = {
    {"port", "N", QT_TRANSLATE_NOOP("SimOptions", "Port to listen on; 0 picks a free one.")},
    {"bind", "ADDR", QT_TRANSLATE_NOOP("SimOptions", "Address to listen on (127.0.0.1).")},
    {"http", nullptr, QT_TRANSLATE_NOOP("SimOptions", "Serve plain HTTP instead of HTTPS.")},
    {"tls-mode", "MODE",
     QT_TRANSLATE_NOOP("SimOptions",
                       "Server certificate: valid, expired, wrong-host or self-signed.")},
    {"tls-min", "VER", QT_TRANSLATE_NOOP("SimOptions", "Lowest TLS version: 1.2 or 1.3.")},
    {"state-dir", "DIR",
     QT_TRANSLATE_NOOP("SimOptions", "Folder for ca.crt and server.crt (a temporary one).")},
    {"token-stdin", nullptr,
     QT_TRANSLATE_NOOP("SimOptions", "Turn token auth on; read the token as one line from stdin.")},
    {"ray-version", "X.Y.Z", QT_TRANSLATE_NOOP("SimOptions", "Ray version to play (2.53.0).")},
    {"scenario", "NAME",
     QT_TRANSLATE_NOOP("SimOptions",
                       "Preset: open-2.6.3, token-off-2.52, hardened-2.60 or quota-known.")},
    {"nodes", "N", QT_TRANSLATE_NOOP("SimOptions", "Number of nodes (8).")},
    {"jobs", "N", QT_TRANSLATE_NOOP("SimOptions", "Number of jobs (12).")},
    {"tasks", "N", QT_TRANSLATE_NOOP("SimOptions", "Number of tasks (200).")},
    {"actors", "N", QT_TRANSLATE_NOOP("SimOptions", "Number of actors (20).")},
    {"placement-groups", "N", QT_TRANSLATE_NOOP("SimOptions", "Number of placement groups (4).")},
    {"seed", "N", QT_TRANSLATE_NOOP("SimOptions", "Seed for the generated cluster (1).")},
    {"latency-ms", "N", QT_TRANSLATE_NOOP("SimOptions", "Delay every answer by N ms.")},
    {"error-rate", "P",
     QT_TRANSLATE_NOOP("SimOptions", "Share of API answers that fail with 500 (0 to 1).")},
    {"hostile", nullptr,
     QT_TRANSLATE_NOOP("SimOptions",
                       "Put markup, control characters and huge strings in cluster text.")},
    {"malformed", "KIND",
     QT_TRANSLATE_NOOP("SimOptions",
                       "Break JSON answers: truncated, wrong-types, oversized or not-json.")},
    {"open-ports", "LIST",
     QT_TRANSLATE_NOOP("SimOptions",
                       "Comma-separated extra TCP ports to listen on (stand-ins for Ray ports).")},
    {"request-log", "FILE", QT_TRANSLATE_NOOP("SimOptions", "Append a JSON line per request.")},
    {"tick-ms", "N",
     QT_TRANSLATE_NOOP("SimOptions", "How often jobs and usage change; 0 freezes (2000).")},
};

Result<int> intValue(const QCommandLineParser& parser, const char* name, int low, int high)
{
    bool ok = false;
    const QString text = parser.value(QString::fromLatin1(name));
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high) {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("--%1 needs a whole number from %2 to %3, not \"%4\".")
                        .arg(QString::fromLatin1(name))
                        .arg(low)
                        .arg(high)
                        .arg(text));
    }
    return value;
}

Result<void> applyScenario(SimOptions& options, const QString& name)
{
    options.scenario = name;
    if (name == QLatin1String("open-2.6.3")) {
        options.rayVersion = RayVersion(2, 6, 3);
    } else if (name == QLatin1String("token-off-2.52")) {
        options.rayVersion = RayVersion(2, 52, 0);
    } else if (name == QLatin1String("hardened-2.60")) {
        options.rayVersion = RayVersion(2, 60, 0);
    } else if (name == QLatin1String("quota-known")) {
        options.rayVersion = RayVersion(2, 53, 0);
        options.tickMs = 0;
    } else {
        return fail(QStringLiteral("sim.scenario"),
                    SimOptions::tr("Unknown scenario \"%1\".").arg(name),
                    SimOptions::tr("Use one of: %1.").arg(SimOptions::scenarioNames()));
    }
    return {};
}

Result<void> applyTls(SimOptions& options, const QCommandLineParser& parser)
{
    options.tls = !parser.isSet(QStringLiteral("http"));
    if (parser.isSet(QStringLiteral("tls-mode"))) {
        const QString mode = parser.value(QStringLiteral("tls-mode"));
        if (mode == QLatin1String("valid")) {
            options.tlsMode = SimOptions::TlsMode::Valid;
        } else if (mode == QLatin1String("expired")) {
            options.tlsMode = SimOptions::TlsMode::Expired;
        } else if (mode == QLatin1String("wrong-host")) {
            options.tlsMode = SimOptions::TlsMode::WrongHost;
        } else if (mode == QLatin1String("self-signed")) {
            options.tlsMode = SimOptions::TlsMode::SelfSigned;
        } else {
            return fail(QStringLiteral("sim.option"),
                        SimOptions::tr("--tls-mode must be valid, expired, wrong-host or "
                                       "self-signed, not \"%1\".")
                            .arg(mode));
        }
    }
    if (parser.isSet(QStringLiteral("tls-min"))) {
        const QString min = parser.value(QStringLiteral("tls-min"));
        if (min != QLatin1String("1.2") && min != QLatin1String("1.3")) {
            return fail(QStringLiteral("sim.option"),
                        SimOptions::tr("--tls-min must be 1.2 or 1.3, not \"%1\".").arg(min));
        }
        options.tls13Only = min == QLatin1String("1.3");
    }
    return {};
}

Result<void> applyMalformed(SimOptions& options, const QString& kind)
{
    if (kind == QLatin1String("truncated")) {
        options.malformed = SimOptions::Malformed::Truncated;
    } else if (kind == QLatin1String("wrong-types")) {
        options.malformed = SimOptions::Malformed::WrongTypes;
    } else if (kind == QLatin1String("oversized")) {
        options.malformed = SimOptions::Malformed::Oversized;
    } else if (kind == QLatin1String("not-json")) {
        options.malformed = SimOptions::Malformed::NotJson;
    } else {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("--malformed must be truncated, wrong-types, oversized or "
                                   "not-json, not \"%1\".")
                        .arg(kind));
    }
    return {};
}

Result<void> applyOpenPorts(SimOptions& options, const QString& list)
{
    for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint port = part.trimmed().toUInt(&ok);
        if (!ok || port > 65535) {
            return fail(QStringLiteral("sim.option"),
                        SimOptions::tr("--open-ports takes port numbers separated by commas; "
                                       "\"%1\" is not one.")
                            .arg(part));
        }
        options.openPorts.append(quint16(port));
    }
    return {};
}

Result<void> applySizes(SimOptions& options, const QCommandLineParser& parser)
{
    struct Size
    {
        const char* name;
        int* target;
        int high;
    };
    const Size sizes[] = {{"port", nullptr, 65535},
                          {"nodes", &options.nodes, 10000},
                          {"jobs", &options.jobs, 100000},
                          {"tasks", &options.tasks, 200000},
                          {"actors", &options.actors, 100000},
                          {"placement-groups", &options.placementGroups, 20000},
                          {"latency-ms", &options.latencyMs, 600000},
                          {"tick-ms", &options.tickMs, 3600000}};
    for (const Size& size : sizes) {
        if (!parser.isSet(QString::fromLatin1(size.name))) {
            continue;
        }
        const Result<int> value = intValue(parser, size.name, 0, size.high);
        if (!value) {
            return std::unexpected(value.error());
        }
        if (size.target) {
            *size.target = *value;
        } else {
            options.port = quint16(*value);
        }
    }
    return {};
}

Result<void> applyBehaviour(SimOptions& options, const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            return fail(QStringLiteral("sim.option"), SimOptions::tr("--seed needs a number."));
        }
    }
    if (parser.isSet(QStringLiteral("error-rate"))) {
        bool ok = false;
        options.errorRate = parser.value(QStringLiteral("error-rate")).toDouble(&ok);
        if (!ok || options.errorRate < 0.0 || options.errorRate > 1.0) {
            return fail(QStringLiteral("sim.option"),
                        SimOptions::tr("--error-rate needs a number from 0 to 1."));
        }
    }
    options.hostile = options.hostile || parser.isSet(QStringLiteral("hostile"));
    options.tokenFromStdin = parser.isSet(QStringLiteral("token-stdin"));
    options.stateDir = parser.value(QStringLiteral("state-dir"));
    options.requestLog = parser.value(QStringLiteral("request-log"));
    if (parser.isSet(QStringLiteral("bind")) &&
        !options.bind.setAddress(parser.value(QStringLiteral("bind")))) {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("--bind needs an IP address, not \"%1\".")
                        .arg(parser.value(QStringLiteral("bind"))));
    }
    return {};
}

Result<void> checkConsistency(const SimOptions& options)
{
    if (options.tokenFromStdin && !options.rayVersion.hasTokenAuth()) {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("Ray %1 has no token auth; --token-stdin needs 2.52.0 or newer.")
                        .arg(options.rayVersion.toString()));
    }
    if (options.scenario == QLatin1String("hardened-2.60") && !options.tokenFromStdin) {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("The hardened-2.60 scenario runs with token auth."),
                    SimOptions::tr("Add --token-stdin and write the token to standard input."));
    }
    if (options.scenario == QLatin1String("open-2.6.3") && options.tokenFromStdin) {
        return fail(QStringLiteral("sim.option"),
                    SimOptions::tr("The open-2.6.3 scenario has no token auth."),
                    SimOptions::tr("Leave out --token-stdin."));
    }
    return {};
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(SimOptions::tr(
        "Serves the REST API of a Ray dashboard for tests and demos (see docs/simulator.md)."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const OptionSpec& spec : kOptions) {
        const QString description = SimOptions::tr(spec.description);
        if (spec.valueName) {
            parser.addOption(
                {QString::fromLatin1(spec.name), description, QString::fromLatin1(spec.valueName)});
        } else {
            parser.addOption({QString::fromLatin1(spec.name), description});
        }
    }
}

} // namespace

QString SimOptions::scenarioNames()
{
    return QStringLiteral("open-2.6.3, token-off-2.52, hardened-2.60, quota-known");
}

Result<SimOptions> SimOptions::fromArguments(const QStringList& arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(arguments);

    SimOptions options;
    std::array<std::function<Result<void>()>, 8> steps = {
        [&]() -> Result<void> {
            return parser.isSet(QStringLiteral("scenario"))
                       ? applyScenario(options, parser.value(QStringLiteral("scenario")))
                       : Result<void>{};
        },
        [&]() -> Result<void> {
            if (!parser.isSet(QStringLiteral("ray-version"))) {
                return {};
            }
            const auto version = RayVersion::parse(parser.value(QStringLiteral("ray-version")));
            if (!version) {
                return fail(QStringLiteral("sim.option"),
                            tr("--ray-version needs a version such as 2.53.0."));
            }
            options.rayVersion = *version;
            return {};
        },
        [&] { return applyTls(options, parser); },
        [&] { return applySizes(options, parser); },
        [&] { return applyBehaviour(options, parser); },
        [&]() -> Result<void> {
            return parser.isSet(QStringLiteral("malformed"))
                       ? applyMalformed(options, parser.value(QStringLiteral("malformed")))
                       : Result<void>{};
        },
        [&] { return applyOpenPorts(options, parser.value(QStringLiteral("open-ports"))); },
        [&] { return checkConsistency(options); },
    };
    for (const auto& step : steps) {
        if (const Result<void> done = step(); !done) {
            return std::unexpected(done.error());
        }
    }
    return options;
}

} // namespace raysec::sim
