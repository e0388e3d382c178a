#pragma once

#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace raysec {

class Keychain;
class RayClient;

// Opens a configured RayClient for a profile: reads the Ray token and the client key's
// passphrase from the keychain when the profile needs them, then loads the TLS material.
// For one-shot readers (the CLI's `quotas usage`); the console's monitor keeps its own client.
class ProfileConnector
{
public:
    using Opened = std::function<void(Result<std::unique_ptr<RayClient>>)>;

    static void open(const ClusterProfile& profile, Keychain& keychain, QObject* context,
                     Opened opened);
};

} // namespace raysec
