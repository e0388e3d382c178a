#pragma once

#include "core/common/Error.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

class QTcpServer;

namespace raysec::sim {

// Plain TCP listeners on loopback standing in for Ray's other ports (GCS, Ray Client, dashboard
// agent, metrics) so that port probes find something. They accept and close connections.
class PortDecoys : public QObject
{
    Q_OBJECT

public:
    explicit PortDecoys(QObject* parent = nullptr);

    // Listens on each port (0 picks a free one); returns the ports actually bound.
    Result<QList<quint16>> listen(const QList<quint16>& ports);

private:
    QList<QTcpServer*> m_servers;
};

} // namespace raysec::sim
