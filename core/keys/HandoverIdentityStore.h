#pragma once

#include "core/common/Error.h"
#include "core/keys/HandoverIdentity.h"
#include "core/store/Keychain.h"

#include <QObject>

#include <functional>

namespace raysec {

// Keeps this person's hand-over identity (the X25519 pair that sealed keys are addressed to) in
// the OS keychain, creating it on first use.
class HandoverIdentityStore : public QObject
{
    Q_OBJECT

public:
    using Loaded = std::function<void(Result<HandoverIdentity>)>;

    static constexpr const char* DefaultService = "raysec/handover";
    static constexpr const char* Entry = "identity";

    explicit HandoverIdentityStore(Keychain& keychain,
                                   QString service = QString::fromLatin1(DefaultService),
                                   QObject* parent = nullptr);

    void load(QObject* context, Loaded loaded);

private:
    Keychain& m_keychain;
    QString m_service;
};

} // namespace raysec
