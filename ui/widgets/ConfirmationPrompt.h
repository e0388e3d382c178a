#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace raysec::ui {

// The one way the console asks before a destructive action. It shows a modal question; tests
// install an answerer instead, so they can say yes or no without a message box.
class ConfirmationPrompt
{
public:
    struct Question
    {
        QString title;
        QString text;
        QString confirmLabel; // the verb on the destructive button, such as "Remove"
    };
    using Answerer = std::function<bool(const Question& question)>;

    static bool confirm(QWidget* parent, const Question& question);

    // Replaces the message box; an empty function restores it.
    static void setAnswerer(Answerer answerer);
};

} // namespace raysec::ui
