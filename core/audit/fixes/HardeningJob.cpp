#include "core/audit/fixes/HardeningJob.h"

#include <QCoreApplication>

namespace raysec {

HardeningJob::HardeningJob(QObject* parent)
    : QObject(parent)
{
}

HardeningJob::~HardeningJob()
{
    m_cancelled = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void HardeningJob::start(HardeningPlan plan, HardeningInputs inputs)
{
    if (m_thread) {
        return;
    }
    m_cancelled = false;
    auto result = std::make_shared<std::optional<Result<HardeningOutput>>>();
    m_result = result;
    m_thread = QThread::create([this, result, plan = std::move(plan), inputs = std::move(inputs)] {
        result->emplace(HardeningGenerator::generate(plan, inputs, &m_cancelled));
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished();
    });
    m_thread->start();
}

Result<HardeningOutput> HardeningJob::takeResult()
{
    if (!m_result || !m_result->has_value()) {
        return fail(QStringLiteral("hardening.no-result"),
                    QCoreApplication::translate("raysec::HardeningJob",
                                                "The files have not been generated yet."));
    }
    Result<HardeningOutput> out = std::move(**m_result);
    m_result.reset();
    return out;
}

} // namespace raysec
