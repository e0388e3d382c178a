#pragma once

#include "core/common/SecretBuffer.h"

#include <QLineEdit>

namespace raysec::ui {

// A masked field whose typed or pasted characters go straight into a SecretBuffer. The line
// edit itself only ever holds bullets, so the secret never sits in a QString of the widget, its
// undo stack or an accessibility tree. Copying out of the field is impossible by design.
class SecretLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit SecretLineEdit(QWidget* parent = nullptr);

    const SecretBuffer& secret() const { return m_secret; }
    // Hands the secret to the caller and empties the field.
    SecretBuffer takeSecret();
    void clearSecret();

Q_SIGNALS:
    void secretEdited();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void appendText(const QString& text);
    void removeLastCharacter();
    void showMask();

    SecretBuffer m_secret;
    int m_characters = 0;
};

} // namespace raysec::ui
