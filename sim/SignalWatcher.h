#pragma once

#include <QObject>

class QSocketNotifier;

namespace raysec::sim {

// Turns SIGTERM and SIGINT into a Qt signal (through a self-pipe), so the simulator leaves its
// event loop and cleans up like after any normal exit.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested();

private:
    static void onSignal(int number);

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace raysec::sim
