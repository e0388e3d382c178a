#include "ui/keys/SecretClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace raysec::ui {

namespace {

// Remembers a hash, not the secret, to recognise our own clipboard content later.
QByteArray fingerprint(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

SecretClipboard::SecretClipboard(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultClearMs);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearIfOurs);
}

SecretClipboard::~SecretClipboard()
{
    if (m_timer.isActive()) {
        clearIfOurs();
    }
}

void SecretClipboard::copy(const QString& secret)
{
    auto* mime = new QMimeData;
    mime->setText(secret);
    mime->setData(QString::fromLatin1(HintMimeType), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_fingerprint = fingerprint(secret);
    m_timer.start();
}

void SecretClipboard::clearIfOurs()
{
    m_timer.stop();
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!m_fingerprint.isEmpty() && fingerprint(clipboard->text()) == m_fingerprint) {
        clipboard->clear();
    }
    m_fingerprint.clear();
    Q_EMIT cleared();
}

} // namespace raysec::ui
