#include "ui/profiles/ProfileSaver.h"

#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/UiLogging.h"

namespace raysec::ui {

ProfileSaver::ProfileSaver(Database& store, Keychain& keychain, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
}

void ProfileSaver::start(Request request)
{
    m_oldName = request.oldName;
    m_profile = request.profile;
    m_newToken = request.token.has_value();
    if (auto valid = m_profile.validated(); !valid) {
        Q_EMIT failed(valid.error());
        return;
    }
    if (!request.token) {
        storeProfile();
        return;
    }

    qCInfo(lcUiProfiles) << "storing the token of" << m_profile.name << "in the keychain";
    m_keychain.write(m_profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                     *request.token, this, [this](Result<void> written) {
                         if (!written) {
                             qCWarning(lcUiProfiles)
                                 << "keychain refused the token of" << m_profile.name;
                             Q_EMIT failed(written.error());
                             return;
                         }
                         storeProfile();
                     });
}

void ProfileSaver::storeProfile()
{
    ProfileRepository repository(m_store);
    if (auto migrated = repository.migrate(); !migrated) {
        Q_EMIT failed(migrated.error());
        return;
    }
    const QString oldName = m_oldName.isEmpty() ? m_profile.name : m_oldName;
    if (auto stored = repository.replace(oldName, m_profile); !stored) {
        qCWarning(lcUiProfiles) << "could not save profile" << m_profile.name;
        Q_EMIT failed(stored.error());
        return;
    }
    qCInfo(lcUiProfiles) << "saved profile" << m_profile.name;
    tidyKeychain();
    Q_EMIT saved(m_profile);
}

void ProfileSaver::tidyKeychain()
{
    // Secrets that no profile refers to any more are removed; failures here only leave an
    // unused entry behind, so they are logged rather than reported.
    const QString tokenKey = QString::fromLatin1(ClusterProfile::tokenEntry);
    auto logFailure = [name = m_profile.name](Result<void> removed) {
        if (!removed) {
            qCWarning(lcUiProfiles) << "could not remove an unused keychain entry for" << name;
        }
    };
    const bool renamed = !m_oldName.isEmpty() && m_oldName != m_profile.name;
    if (renamed) {
        m_keychain.remove(Keychain::profileService(m_oldName), tokenKey, &m_keychain, logFailure);
    }
    if (m_profile.auth != AuthMode::RayToken && !m_newToken) {
        m_keychain.remove(m_profile.keychainService(), tokenKey, &m_keychain, logFailure);
    }
}

} // namespace raysec::ui
