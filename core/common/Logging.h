#pragma once

#include <QLoggingCategory>

// Logging categories follow the folder layout: raysec.core.<module>, raysec.ui.<area>.
// Log identifiers (profile names, key ids, fingerprints), never secret values.
Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace raysec {

// Installs Raysec's message pattern (time, category, level) for the console and the CLI.
void installLogFormat();

} // namespace raysec
