#pragma once

#include <QObject>
#include <QTimer>

namespace raysec::ui {

// Copies a secret to the clipboard marked for clipboard managers as a secret
// (x-kde-passwordManagerHint: secret, which Klipper and others honour by not keeping it in
// their history), and clears it again after a delay unless something else was copied since.
class SecretClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultClearMs = 30'000;
    static constexpr const char* HintMimeType = "x-kde-passwordManagerHint";

    explicit SecretClipboard(QObject* parent = nullptr);
    ~SecretClipboard() override;

    void setClearDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    void copy(const QString& secret);
    // Clears the clipboard now if it still holds the secret copied here.
    void clearIfOurs();

Q_SIGNALS:
    void cleared();

private:
    QTimer m_timer;
    QByteArray m_fingerprint;
};

} // namespace raysec::ui
