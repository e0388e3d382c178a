#pragma once

#include "core/quotas/AlertLog.h"
#include "core/quotas/QuotaConfig.h"

#include <QObject>

class QNetworkAccessManager;

namespace raysec {

// Sends raised alerts outside Raysec: a JSON POST to the configured webhook and/or the
// configured command, started directly (no shell) with the alert's JSON on standard input.
// Delivery failures are reported through `failed`; they never block the usage engine.
class AlertHook : public QObject
{
    Q_OBJECT

public:
    explicit AlertHook(AlertSettings settings, QObject* parent = nullptr);

    void deliver(const QuotaAlert& alert);
    static QByteArray alertJson(const QuotaAlert& alert);

Q_SIGNALS:
    void delivered(const QString& target);
    void failed(const raysec::Error& error);

private:
    void post(const QByteArray& body);
    void runCommand(const QByteArray& body);

    AlertSettings m_settings;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace raysec
