#include "core/cluster/ClusterMonitor.h"

#include "core/cluster/RayClient.h"
#include "core/cluster/SnapshotBuilder.h"
#include "core/store/Keychain.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcMonitor, "raysec.core.cluster.monitor")

namespace raysec {

struct ClusterMonitor::Private
{
    ClusterProfile profile;
    Keychain* keychain = nullptr;
    RayClient* client = nullptr;
    QTimer timer;
    // Bumped by start() and stop(): answers and parse results of an older generation are dropped.
    quint64 generation = 0;
    bool roundInFlight = false;
    bool untrustedReported = false;
    int pending = 0;
    RawResponses raw;
    std::optional<SecretBuffer> token;
    std::optional<SecretBuffer> keyPassphrase;
};

ClusterMonitor::ClusterMonitor(ClusterProfile profile, Keychain* keychain, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->profile = std::move(profile);
    d->keychain = keychain;
    d->timer.setInterval(std::clamp(d->profile.refreshSeconds, 1, 3600) * 1000);
    connect(&d->timer, &QTimer::timeout, this, &ClusterMonitor::refreshNow);
}

ClusterMonitor::~ClusterMonitor()
{
    stop();
}

const ClusterProfile& ClusterMonitor::profile() const
{
    return d->profile;
}

void ClusterMonitor::start()
{
    stop();
    const quint64 generation = d->generation;
    const bool needsToken = d->profile.auth != AuthMode::None;
    const bool needsPassphrase =
        !d->profile.clientKeyPath.isEmpty() && d->profile.clientKeyEncrypted;

    // Secrets come from the keychain asynchronously; each step checks that no stop() came
    // in between.
    auto connectNow = [this, generation] {
        if (generation == d->generation) {
            startClient();
        }
    };
    auto readPassphrase = [this, generation, needsPassphrase, connectNow] {
        if (!needsPassphrase) {
            connectNow();
            return;
        }
        readSecret(QString::fromLatin1(ClusterProfile::keyPassphraseEntry), generation,
                   [this, connectNow](SecretBuffer secret) {
                       d->keyPassphrase = std::move(secret);
                       connectNow();
                   });
    };
    if (!needsToken) {
        readPassphrase();
        return;
    }
    readSecret(QString::fromLatin1(ClusterProfile::tokenEntry), generation,
               [this, readPassphrase](SecretBuffer secret) {
                   d->token = std::move(secret);
                   readPassphrase();
               });
}

void ClusterMonitor::readSecret(const QString& entry, quint64 generation,
                                std::function<void(SecretBuffer)> next)
{
    if (!d->keychain) {
        Q_EMIT failed(Error{QStringLiteral("keychain.unavailable"),
                            tr("No keychain is available to read the profile's secrets."),
                            {}});
        return;
    }
    d->keychain->read(d->profile.keychainService(), entry, this,
                      [this, generation, next = std::move(next)](Result<SecretBuffer> secret) {
                          if (generation != d->generation) {
                              return;
                          }
                          if (!secret) {
                              Q_EMIT failed(secret.error());
                              return;
                          }
                          next(std::move(*secret));
                      });
}

void ClusterMonitor::startClient()
{
    delete d->client;
    d->client = new RayClient(d->profile, this);
    auto configured = d->client->configure(d->keyPassphrase ? &*d->keyPassphrase : nullptr);
    d->keyPassphrase.reset();
    if (!configured) {
        Q_EMIT failed(configured.error());
        return;
    }
    if (d->token) {
        d->client->setToken(std::move(*d->token));
        d->token.reset();
    }
    connect(d->client, &RayClient::certificateUntrusted, this,
            [this](const QString& subject, const QString& fingerprint, const QString& pin) {
                if (!d->untrustedReported) {
                    d->untrustedReported = true;
                    Q_EMIT certificateUntrusted(subject, fingerprint, pin);
                }
            });
    refreshNow();
    d->timer.start();
}

void ClusterMonitor::stop()
{
    ++d->generation;
    d->timer.stop();
    d->roundInFlight = false;
    d->token.reset();
    d->keyPassphrase.reset();
    if (d->client) {
        d->client->cancelAll();
    }
}

void ClusterMonitor::setIntervalSeconds(int seconds)
{
    d->timer.setInterval(std::clamp(seconds, 1, 3600) * 1000);
}

void ClusterMonitor::refreshNow()
{
    if (!d->client || d->roundInFlight) {
        return;
    }
    d->roundInFlight = true;
    d->untrustedReported = false;
    d->raw = RawResponses{};
    d->pending = 6;
    const quint64 generation = d->generation;

    auto into = [this, generation](QByteArray RawResponses::*field) {
        return [this, generation, field](Result<QByteArray> body) {
            if (!body) {
                roundFailed(generation, body.error());
                return;
            }
            d->raw.*field = std::move(*body);
            responseArrived(generation);
        };
    };
    d->client->getVersion(this, into(&RawResponses::version));
    d->client->getClusterStatus(this, into(&RawResponses::clusterStatus));
    d->client->getNodes(this, into(&RawResponses::nodes));
    d->client->getJobs(this, into(&RawResponses::jobs));
    d->client->getTaskSummary(this, into(&RawResponses::taskSummary));
    d->client->getAuthenticationMode(this, [this, generation](Result<QByteArray> body) {
        // Ray before 2.52 has no token auth and answers 404 here.
        if (!body && body.error().code != QLatin1String("http.404")) {
            roundFailed(generation, body.error());
            return;
        }
        if (body) {
            d->raw.authenticationMode = std::move(*body);
        }
        responseArrived(generation);
    });
}

void ClusterMonitor::roundFailed(quint64 generation, const Error& error)
{
    if (generation != d->generation || !d->roundInFlight) {
        return;
    }
    d->roundInFlight = false;
    d->client->cancelAll(); // the other answers of this round no longer matter
    Q_EMIT failed(error);
}

void ClusterMonitor::responseArrived(quint64 generation)
{
    if (generation != d->generation || !d->roundInFlight || --d->pending > 0) {
        return;
    }

    // Parsing several megabytes must not block the owner's (GUI) thread.
    auto* watcher = new QFutureWatcher<Result<ClusterSnapshot>>(this);
    connect(watcher, &QFutureWatcher<Result<ClusterSnapshot>>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation != d->generation) {
                    return;
                }
                d->roundInFlight = false;
                Result<ClusterSnapshot> snapshot = watcher->result();
                if (!snapshot) {
                    Q_EMIT failed(snapshot.error());
                    return;
                }
                snapshot->fetchedAt = QDateTime::currentDateTimeUtc();
                snapshot->dashboardUrl = d->profile.dashboardUrl.toString();
                snapshot->plainHttp = d->profile.isPlainHttp();
                Q_EMIT snapshotReady(*snapshot);
            });
    watcher->setFuture(QtConcurrent::run(
        [raw = std::exchange(d->raw, RawResponses{})] { return SnapshotBuilder::build(raw); }));
}

} // namespace raysec
