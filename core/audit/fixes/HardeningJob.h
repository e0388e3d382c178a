#pragma once

#include "core/audit/fixes/HardeningGenerator.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace raysec {

// Generates a plan's artefacts on a worker thread (key generation and signing take a moment):
// start(), cancel(), finished(). The result is taken once with takeResult().
class HardeningJob : public QObject
{
    Q_OBJECT

public:
    explicit HardeningJob(QObject* parent = nullptr);
    ~HardeningJob() override;

    void start(HardeningPlan plan, HardeningInputs inputs);
    void cancel() { m_cancelled = true; }
    bool isRunning() const { return m_thread != nullptr; }
    Result<HardeningOutput> takeResult();

Q_SIGNALS:
    void finished();

private:
    std::atomic<bool> m_cancelled = false;
    QPointer<QThread> m_thread;
    std::shared_ptr<std::optional<Result<HardeningOutput>>> m_result;
};

} // namespace raysec
