#include "SimHttp.h"

#include "support/SimProcess.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QSslCertificate>

namespace raysec::test {

SimHttp::SimHttp(const SimProcess& sim)
    : m_base(sim.url())
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    if (!sim.caFile().isEmpty()) {
        m_ssl.setCaCertificates(QSslCertificate::fromPath(sim.caFile()));
    }
}

SimHttp::Headers SimHttp::bearer(const QByteArray& token)
{
    return {{"Authorization", "Bearer " + token}};
}

SimAnswer SimHttp::get(const QString& pathAndQuery, const Headers& headers)
{
    return send("GET", pathAndQuery, {}, headers);
}

SimAnswer SimHttp::send(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body,
                        const Headers& headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setSslConfiguration(m_ssl);
    request.setRawHeader("User-Agent", "raysec-tests/1");
    request.setTransferTimeout(60000);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }

    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QNetworkReply* reply = m_manager.sendCustomRequest(request, verb, &buffer);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(90000);
    }

    SimAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    answer.error = reply->error();
    answer.errorString = reply->errorString();
    reply->deleteLater();
    return answer;
}

} // namespace raysec::test
