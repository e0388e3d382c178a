#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <map>
#include <vector>

namespace raysec::test {

// A crafted gateway admin listener on a real loopback socket. Each path answers with its list of
// answers in turn (the last one repeats); a path without answers is never answered.
class FakeGatewayAdmin : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    FakeGatewayAdmin()
    {
        if (!m_server.listen(QHostAddress::LocalHost)) {
            qFatal("cannot listen on loopback");
        }
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort()); }
    void set(const QByteArray& path, std::vector<Answer> answers) { m_answers[path] = answers; }
    int served(const QByteArray& path) const
    {
        const auto it = m_served.find(path);
        return it == m_served.end() ? 0 : it->second;
    }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        }
    }

    void answer(QTcpSocket* socket)
    {
        QByteArray& request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n")) {
            return;
        }
        const QByteArray path = request.split(' ').value(1);
        request.clear();
        const auto it = m_answers.find(path);
        if (it == m_answers.end() || it->second.empty()) {
            return;
        }
        int& count = m_served[path];
        const Answer& a = it->second[std::min(std::size_t(count), it->second.size() - 1)];
        ++count;
        socket->write("HTTP/1.1 " + QByteArray::number(a.status) +
                      " X\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(a.body.size()) + "\r\n\r\n" + a.body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    std::map<QByteArray, std::vector<Answer>> m_answers;
    std::map<QByteArray, int> m_served;
    std::map<QTcpSocket*, QByteArray> m_requests;
};

} // namespace raysec::test
