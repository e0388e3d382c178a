#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QString>
#include <QUrlQuery>

#include <cstdint>

namespace raysec::sim {

// What an API area needs to know about one request, taken out of QHttpServerRequest once.
struct ApiRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path;
    QUrlQuery query;
    QByteArray body;
    std::int64_t nowMs = 0;
    bool webSocketUpgrade = false; // the client asked to switch to a WebSocket

    bool isGet() const { return method == QHttpServerRequest::Method::Get; }
    bool isPost() const { return method == QHttpServerRequest::Method::Post; }
    bool isDelete() const { return method == QHttpServerRequest::Method::Delete; }
    QString queryValue(const char* key) const
    {
        return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    }
    QStringList queryValues(const char* key) const
    {
        return query.allQueryItemValues(QString::fromLatin1(key), QUrl::FullyDecoded);
    }
};

} // namespace raysec::sim
