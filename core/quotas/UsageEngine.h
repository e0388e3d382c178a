#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/StateSource.h"
#include "core/quotas/UsageReport.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace raysec {

// Refreshes quota usage from a StateSource at an interval: one round reads the job listing,
// the nodes, running tasks, alive actors and created placement groups (state API, detail=true,
// filtered by state, limit 10,000), splits a truncated task or actor list per job, then parses
// and aggregates on a worker thread. When Ray answers 429, 500 or 503 the interval doubles (up
// to 16 times) until a round succeeds. A failed round changes nothing: the last report stays.
class UsageEngine : public QObject
{
    Q_OBJECT

public:
    explicit UsageEngine(StateSource& source, QObject* parent = nullptr);
    // Takes ownership of the source.
    explicit UsageEngine(std::unique_ptr<StateSource> source, QObject* parent = nullptr);
    ~UsageEngine() override;

    void setConfig(const QuotaConfig& config);
    void setIntervalSeconds(int seconds);
    int currentDelayMs() const { return m_delayMs; }
    void start(); // refreshes at once, then every interval
    void stop();  // cancels the round in flight; no signal follows
    void refreshNow();
    const std::optional<UsageReport>& lastReport() const { return m_last; }

    static QUrlQuery stateQuery(const QString& state, const QString& jobId = {});

Q_SIGNALS:
    void reportReady(const raysec::UsageReport& report);
    void failed(const raysec::Error& error);

private:
    struct Round;
    void fetch(const QString& name, const QString& path, const QUrlQuery& query);
    void answered(const QString& name, Result<QByteArray> body);
    void process();
    void processed(Result<UsageReport> report, std::shared_ptr<Round> round);
    void splitTruncated(const QStringList& lists, const QStringList& jobIds);
    void finishRound(const std::optional<Error>& error);

    std::unique_ptr<StateSource> m_ownedSource;
    StateSource& m_source;
    QuotaConfig m_config;
    QTimer m_timer;
    QThreadPool m_pool;
    int m_intervalMs = 10'000;
    int m_delayMs = 10'000;
    std::shared_ptr<Round> m_round;
    std::optional<UsageReport> m_last;
};

} // namespace raysec
