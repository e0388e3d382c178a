#pragma once

#include <QString>

namespace raysec {

// Version and identity strings shared by every Raysec program.
QString versionString();
QString userAgent();

} // namespace raysec
