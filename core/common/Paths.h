#pragma once

#include <QString>

namespace raysec {

// Where Raysec keeps its files. RAYSEC_DATA_DIR overrides the XDG data folder, for tests and
// for admins who keep several independent stores.
class Paths
{
public:
    static QString dataDir();
    static QString storeFile();
};

} // namespace raysec
