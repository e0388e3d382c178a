#pragma once

#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

namespace raysec::test {

class SimProcess;

// A finished HTTP exchange with the simulator.
struct SimAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// Talks to a running simulator over QtNetwork, trusting only the simulator's CA. Sends a
// non-browser User-Agent unless a test sets one (QtNetwork's default starts with Mozilla).
class SimHttp
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SimHttp(const SimProcess& sim);

    SimAnswer get(const QString& pathAndQuery, const Headers& headers = {});
    SimAnswer send(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body,
                   const Headers& headers = {});
    static Headers bearer(const QByteArray& token);

private:
    QUrl m_base;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_manager;
};

} // namespace raysec::test
