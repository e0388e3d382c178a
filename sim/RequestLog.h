#pragma once

#include "core/common/Error.h"

#include <QFile>
#include <QHttpServerRequest>

namespace raysec::sim {

// Appends one JSON line per request: time, method, path, query, status and the names of the
// headers seen. Header values are never written, so tokens cannot leak into the log.
class RequestLog
{
public:
    Result<void> open(const QString& path);
    bool isOpen() const { return m_file.isOpen(); }

    void record(const QHttpServerRequest& request, int status);
    static QString methodName(QHttpServerRequest::Method method);

private:
    QFile m_file;
};

} // namespace raysec::sim
