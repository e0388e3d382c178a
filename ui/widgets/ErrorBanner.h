#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace raysec::ui {

// An inline banner at the top of a page for a problem the person can act on: the message, the
// hint, and at most one action button (such as "Pin this certificate"). Never a modal box.
class ErrorBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level
    {
        Error,
        Warning
    };

    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(Level level, const QString& message, const QString& detail = {});
    // Shows the action button with this label; an empty label hides it.
    void setAction(const QString& label);
    void clear();

    QString message() const;
    QString detail() const;
    QPushButton* actionButton() const { return m_ui.action; }

Q_SIGNALS:
    void actionTriggered();

private:
    struct Ui
    {
        QLabel* icon = nullptr;
        QLabel* message = nullptr;
        QLabel* detail = nullptr;
        QPushButton* action = nullptr;
        QPushButton* dismiss = nullptr;
    };
    Ui m_ui;
};

} // namespace raysec::ui
