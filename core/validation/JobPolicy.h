#pragma once

#include "core/common/Error.h"

#include <QStringList>

#include <nlohmann/json.hpp>

namespace raysec {

// The job-submission policy: which hosts a job's runtime_env may fetch code and packages from,
// and which entrypoints are acceptable. The console checks running jobs against it; the gateway
// enforces the same policy on POST /api/jobs/. Format "raysec-job-policy" (docs/formats.md).
struct JobPolicy
{
    static constexpr int formatVersion = 1;

    QStringList allowedHosts;    // package indexes and artefact stores ("pypi.org", "*.corp")
    QStringList allowedSchemes;  // URI schemes for working_dir and py_modules ("gcs", "s3")
    QStringList allowedPrograms; // first word of the entrypoint ("python", "python3")
    QStringList forbiddenTokens; // shell syntax and downloaders ("|", "$(", "curl")
    int maxEntrypointLength = 4096;

    // Raysec's default: PyPI only, Ray's own uploaded packages, python entrypoints, no shell.
    static JobPolicy defaults();
    static Result<JobPolicy> parse(const QByteArray& bytes, const QString& fileName);
    // Whether every entry can match what it is meant to: hosts as bare names (no scheme,
    // port or path), schemes as URI schemes, programs as single words, a positive length. The
    // error names the first entry that cannot and what to write instead. parse() applies it.
    Result<void> check() const;
    // The policy as a raysec-job-policy document, which parse() reads back unchanged.
    nlohmann::ordered_json toJson() const;
    bool hostAllowed(const QString& host) const;
};

} // namespace raysec
