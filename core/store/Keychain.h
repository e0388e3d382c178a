#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QObject>

#include <functional>

namespace raysec {

// Asynchronous access to the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Manager) through QtKeychain, with its insecure plaintext fallback turned off. Every call
// returns at once; the callback runs later on the caller's thread, unless `context` is gone.
//
// QtKeychain's API takes and returns QByteArray, so a secret briefly lives in one there; this
// class wipes those copies as soon as it has moved the bytes into or out of a SecretBuffer.
class Keychain : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<void>)>;
    using Loaded = std::function<void(Result<SecretBuffer>)>;

    explicit Keychain(QObject* parent = nullptr);

    // The service name under which a cluster profile keeps its secrets.
    static QString profileService(const QString& profileName);

    void write(const QString& service, const QString& key, const SecretBuffer& secret,
               QObject* context, Done done);
    void read(const QString& service, const QString& key, QObject* context, Loaded loaded);
    void remove(const QString& service, const QString& key, QObject* context, Done done);
};

} // namespace raysec
