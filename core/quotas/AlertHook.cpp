#include "core/quotas/AlertHook.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

constexpr int hookTimeoutMs = 15'000;

} // namespace

AlertHook::AlertHook(AlertSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(new QNetworkAccessManager(this))
{
}

QByteArray AlertHook::alertJson(const QuotaAlert& alert)
{
    const nlohmann::json body = {{"source", "raysec"},
                                 {"subject", alert.subject.toStdString()},
                                 {"metric", alert.metric.toStdString()},
                                 {"threshold", alert.threshold},
                                 {"value", alert.value},
                                 {"limit", alert.limit},
                                 {"raisedAt", alert.raisedAt.toString(Qt::ISODate).toStdString()}};
    return QByteArray::fromStdString(body.dump());
}

void AlertHook::deliver(const QuotaAlert& alert)
{
    const QByteArray body = alertJson(alert);
    if (!m_settings.webhook.isEmpty()) {
        post(body);
    }
    if (!m_settings.command.isEmpty()) {
        runCommand(body);
    }
}

void AlertHook::post(const QByteArray& body)
{
    QNetworkRequest request(m_settings.webhook);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("raysec/" RAYSEC_VERSION));
    request.setTransferTimeout(hookTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            Q_EMIT failed(
                Error{QStringLiteral("quotas.webhook"),
                      tr("The alert webhook %1 did not accept the alert: %2.")
                          .arg(m_settings.webhook.toDisplayString(), reply->errorString()),
                      tr("Check the webhook address in the quota settings.")});
            return;
        }
        Q_EMIT delivered(m_settings.webhook.toDisplayString());
    });
}

void AlertHook::runCommand(const QByteArray& body)
{
    auto* process = new QProcess(this);
    const QString program = m_settings.command.first();
    connect(process, &QProcess::finished, this,
            [this, process, program](int code, QProcess::ExitStatus status) {
                process->deleteLater();
                if (status != QProcess::NormalExit || code != 0) {
                    Q_EMIT failed(Error{
                        QStringLiteral("quotas.command"),
                        tr("The alert command %1 failed (exit code %2).").arg(program).arg(code),
                        tr("Run it by hand with an alert on standard input.")});
                    return;
                }
                Q_EMIT delivered(program);
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, program](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart) {
                    process->deleteLater();
                    Q_EMIT failed(
                        Error{QStringLiteral("quotas.command"),
                              tr("The alert command %1 could not be started.").arg(program),
                              tr("Check that the program exists and is executable.")});
                }
            });
    // Started directly, never through a shell: the alert's text cannot become a command.
    process->start(program, m_settings.command.mid(1));
    process->write(body);
    process->closeWriteChannel();
}

} // namespace raysec
