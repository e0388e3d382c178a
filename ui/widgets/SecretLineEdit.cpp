#include "ui/widgets/SecretLineEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QMimeData>

#include <sodium.h>

namespace raysec::ui {

SecretLineEdit::SecretLineEdit(QWidget* parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setAcceptDrops(false);
    setAttribute(Qt::WA_InputMethodEnabled, false);
}

SecretBuffer SecretLineEdit::takeSecret()
{
    SecretBuffer taken = std::move(m_secret);
    m_secret = SecretBuffer();
    m_characters = 0;
    showMask();
    return taken;
}

void SecretLineEdit::clearSecret()
{
    m_secret.clear();
    m_characters = 0;
    showMask();
    Q_EMIT secretEdited();
}

void SecretLineEdit::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Paste)) {
        appendText(QApplication::clipboard()->text());
        return;
    }
    if (event->key() == Qt::Key_Backspace) {
        removeLastCharacter();
        return;
    }
    if (event->matches(QKeySequence::Delete) || event->matches(QKeySequence::DeleteEndOfLine) ||
        event->matches(QKeySequence::DeleteStartOfWord) || event->matches(QKeySequence::Cut)) {
        clearSecret();
        return;
    }
    const QString text = event->text();
    const bool printable = !text.isEmpty() && text.at(0).isPrint() &&
                           !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (printable) {
        appendText(text);
        return;
    }
    // Navigation (Tab, Enter, Escape) keeps working; editing keys that would expose or reorder
    // the bullets are ignored.
    if (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab ||
        event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Escape) {
        QLineEdit::keyPressEvent(event);
        return;
    }
    event->ignore();
}

void SecretLineEdit::inputMethodEvent(QInputMethodEvent* event)
{
    appendText(event->commitString());
    event->accept();
}

void SecretLineEdit::contextMenuEvent(QContextMenuEvent* event)
{
    // The standard menu offers copy and undo on the bullets; neither makes sense here.
    event->accept();
}

void SecretLineEdit::dropEvent(QDropEvent* event)
{
    event->ignore();
}

void SecretLineEdit::appendText(const QString& text)
{
    if (text.isEmpty()) {
        return;
    }
    QByteArray utf8 = text.toUtf8();
    m_secret.append(utf8.constData(), std::size_t(utf8.size()));
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    m_characters += int(text.size());
    showMask();
    Q_EMIT secretEdited();
}

void SecretLineEdit::removeLastCharacter()
{
    if (m_secret.isEmpty()) {
        return;
    }
    // Step back over UTF-8 continuation bytes so that a whole character goes.
    std::size_t size = m_secret.size() - 1;
    const auto bytes = m_secret.bytes();
    while (size > 0 && (bytes[size] & 0xC0) == 0x80) {
        --size;
    }
    m_secret.truncate(size);
    m_characters = std::max(0, m_characters - 1);
    showMask();
    Q_EMIT secretEdited();
}

void SecretLineEdit::showMask()
{
    // Only the number of characters is shown; echo mode Password turns these into bullets.
    QLineEdit::setText(QString(m_characters, QLatin1Char('*')));
}

} // namespace raysec::ui
