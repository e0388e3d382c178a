#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace raysec::test {

// A real `openssl s_server -HTTP` peer on 127.0.0.1 answering with the files under a folder,
// each a complete HTTP response (a GET of /api/version answers the file api/version).
// Stopped by the destructor.
class OpenSslServer
{
public:
    ~OpenSslServer();
    bool start(const QString& root, const QString& cert, const QString& key, QString* error,
               const QStringList& extraArgs = {});
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// A free TCP port on 127.0.0.1 (bound and released at once).
quint16 freeLoopbackPort();

} // namespace raysec::test
