#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace raysec::ui {

class SecretClipboard;

// Shows a newly issued key once, with a copy button; the clipboard copy is marked as secret and
// cleared after 30 seconds. Closing the dialog wipes the field: the key cannot be shown again.
class SecretRevealDialog : public QDialog
{
    Q_OBJECT

public:
    // The clipboard belongs to the page, so the 30-second clear outlives this dialog.
    SecretRevealDialog(const QString& keyId, const QString& secret, SecretClipboard& clipboard,
                       QWidget* parent = nullptr);
    ~SecretRevealDialog() override;

    QPushButton* copyButton() const { return m_ui.copy; }

private:
    struct Ui
    {
        QLabel* intro = nullptr;
        QLineEdit* secret = nullptr;
        QPushButton* copy = nullptr;
        QLabel* copied = nullptr;
    };
    Ui m_ui;
    SecretClipboard& m_clipboard;
};

} // namespace raysec::ui
