#pragma once

#include <QStringList>

namespace raysec {

// The core modules compiled into this build ("cluster", "tls", ...), for --version output.
QStringList coreModules();

} // namespace raysec
