#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <optional>

namespace raysec {
class Database;
class Keychain;
} // namespace raysec

namespace raysec::ui {

// Saves a profile the way the console promises: the token goes into the keychain first, and the
// profile reaches the store only once its secret is safely there. A failure at any step leaves
// the store as it was. Finishes with exactly one of saved() or failed().
class ProfileSaver : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString oldName; // empty for a new profile
        ClusterProfile profile;
        std::optional<SecretBuffer> token; // a new token to store, if any
    };

    ProfileSaver(Database& store, Keychain& keychain, QObject* parent = nullptr);

    void start(Request request);

Q_SIGNALS:
    void saved(const raysec::ClusterProfile& profile);
    void failed(const raysec::Error& error);

private:
    void storeProfile();
    void tidyKeychain();

    Database& m_store;
    Keychain& m_keychain;
    QString m_oldName;
    ClusterProfile m_profile;
    bool m_newToken = false;
};

} // namespace raysec::ui
