#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/GatewayBundleWriter.h"

#include <QCommandLineParser>

#include <functional>

namespace raysec::cli {

class CliContext;

// The signed gateway bundles from the command line: `gateway bundles` writes them into a
// folder, and `gateway config --bundles` writes them beside gateway.json.
namespace gatewaybundles {

// --job-policy FILE: a raysec-job-policy file instead of Raysec's recommended policy.
QCommandLineOption jobPolicyOption();

// The job policy (from --job-policy, else the one saved in the store, else the recommended
// one), the saved quotas and the users.
Result<GatewayBundleSources> sources(CliContext& ctx, const QCommandLineParser& parser);

// Reads the signing key, then calls `beforeWrite` (whose error stops everything) and writes
// the bundles; prints the files written, those beforeWrite returned first, and finishes the
// command. Nothing is written when the key cannot be read.
void publish(CliContext& ctx, GatewayBundleSources sources, GatewayBundleFiles files,
             std::function<Result<QStringList>()> beforeWrite);

// raysec-cli gateway bundles --out FOLDER [--job-policy FILE] [--replace]
int run(CliContext& ctx);

// raysec-cli gateway job-policy show|set FILE|reset: the job policy the bundles carry.
int jobPolicy(CliContext& ctx);

} // namespace gatewaybundles

} // namespace raysec::cli
