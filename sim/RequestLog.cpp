#include "sim/RequestLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaEnum>

#include <nlohmann/json.hpp>

namespace raysec::sim {

Result<void> RequestLog::open(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        return fail(QStringLiteral("sim.request-log"),
                    QCoreApplication::translate("RequestLog", "Cannot write the request log %1: %2")
                        .arg(path, m_file.errorString()));
    }
    return {};
}

QString RequestLog::methodName(QHttpServerRequest::Method method)
{
    const QMetaEnum meta = QMetaEnum::fromType<QHttpServerRequest::Method>();
    const char* key = meta.valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

void RequestLog::record(const QHttpServerRequest& request, int status)
{
    if (!m_file.isOpen()) {
        return;
    }
    nlohmann::json names = nlohmann::json::array();
    for (const auto& header : request.headers()) {
        names.push_back(header.first.toLower().toStdString());
    }
    const nlohmann::json line = {
        {"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"method", methodName(request.method()).toStdString()},
        {"path", request.url().path().toStdString()},
        {"query", request.url().query(QUrl::FullyEncoded).toStdString()},
        {"status", status},
        {"headers", names}};
    m_file.write(QByteArray::fromStdString(
                     line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) +
                 '\n');
    m_file.flush();
}

} // namespace raysec::sim
