#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/store/Keychain.h"

#include <QObject>

#include <functional>

namespace raysec {

// A cluster profile's Ray token in the OS keychain, under the profile's own service and entry
// (the same place `profile add --auth ray-token` stores it), so the console uses it to connect.
class RayTokenVault : public QObject
{
    Q_OBJECT

public:
    using Loaded = std::function<void(Result<SecretBuffer>)>;

    explicit RayTokenVault(Keychain& keychain, QObject* parent = nullptr);

    // Generates a token and stores it; refuses to overwrite one unless `replace` is set.
    void generate(const QString& profile, bool replace, QObject* context, Keychain::Done done);
    void load(const QString& profile, QObject* context, Loaded loaded);

private:
    Keychain& m_keychain;
};

} // namespace raysec
