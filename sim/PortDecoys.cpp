#include "sim/PortDecoys.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

namespace raysec::sim {

PortDecoys::PortDecoys(QObject* parent)
    : QObject(parent)
{
}

Result<QList<quint16>> PortDecoys::listen(const QList<quint16>& ports)
{
    QList<quint16> bound;
    for (const quint16 port : ports) {
        auto* server = new QTcpServer(this);
        if (!server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
            return fail(QStringLiteral("sim.open-ports"),
                        QCoreApplication::translate("PortDecoys", "Cannot listen on port %1: %2")
                            .arg(port)
                            .arg(server->errorString()));
        }
        connect(server, &QTcpServer::newConnection, server, [server] {
            while (QTcpSocket* socket = server->nextPendingConnection()) {
                socket->disconnectFromHost();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_servers.append(server);
        bound.append(server->serverPort());
    }
    return bound;
}

} // namespace raysec::sim
