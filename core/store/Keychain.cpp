#include "core/store/Keychain.h"

#include "core/common/Logging.h"

#include <QCoreApplication>
#include <QPointer>

#include <qt6keychain/keychain.h>

#include <sodium.h>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::Keychain)
};

Error keychainError(QKeychain::Error code, const QString& detail)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return {QStringLiteral("keychain.not-found"),
                Text::tr("The keychain holds no such secret."),
                Text::tr("Enter the secret again in the profile so that it is stored.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {QStringLiteral("keychain.denied"), Text::tr("Access to the keychain was refused."),
                Text::tr("Unlock the keychain and allow Raysec to use it.")};
    case QKeychain::NoBackendAvailable:
        return {QStringLiteral("keychain.unavailable"),
                Text::tr("No keychain service is available (%1).").arg(detail),
                Text::tr("Start a Secret Service provider such as gnome-keyring or KWallet; Raysec "
                         "never stores secrets in plain files.")};
    default:
        return {QStringLiteral("keychain.error"),
                Text::tr("The keychain reported: %1.").arg(detail),
                Text::tr("Check that the keychain is unlocked and try again.")};
    }
}

// Overwrites a QByteArray's own buffer; only meaningful for an unshared array.
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        bytes.clear();
        return;
    }
    if (!bytes.isEmpty()) {
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    }
    bytes.clear();
}

template <typename Job>
Job* prepare(Job* job, const QString& key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

Keychain::Keychain(QObject* parent)
    : QObject(parent)
{
}

QString Keychain::profileService(const QString& profileName)
{
    return QStringLiteral("raysec/profile/") + profileName;
}

void Keychain::write(const QString& service, const QString& key, const SecretBuffer& secret,
                     QObject* context, Done done)
{
    auto* job = prepare(new QKeychain::WritePasswordJob(service, this), key);
    QByteArray bytes(secret.data(), qsizetype(secret.size()));
    job->setBinaryData(bytes);
    wipe(bytes);

    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, context,
            [guard, done, service, key](QKeychain::Job* j) {
                if (!guard) {
                    return;
                }
                if (j->error() != QKeychain::NoError) {
                    qCWarning(lcCore) << "keychain: write failed for" << service << key;
                    done(std::unexpected(keychainError(j->error(), j->errorString())));
                    return;
                }
                done({});
            });
    job->start();
}

void Keychain::read(const QString& service, const QString& key, QObject* context, Loaded loaded)
{
    auto* job = prepare(new QKeychain::ReadPasswordJob(service, this), key);
    connect(job, &QKeychain::Job::finished, context, [loaded](QKeychain::Job* j) {
        auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (readJob->error() != QKeychain::NoError) {
            loaded(std::unexpected(keychainError(readJob->error(), readJob->errorString())));
            return;
        }
        QByteArray bytes = readJob->binaryData();
        SecretBuffer secret(bytes.constData(), std::size_t(bytes.size()));
        wipe(bytes);
        loaded(std::move(secret));
    });
    job->start();
}

void Keychain::remove(const QString& service, const QString& key, QObject* context, Done done)
{
    auto* job = prepare(new QKeychain::DeletePasswordJob(service, this), key);
    connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job* j) {
        // Removing a secret that is already gone is success.
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(std::unexpected(keychainError(j->error(), j->errorString())));
            return;
        }
        done({});
    });
    job->start();
}

} // namespace raysec
