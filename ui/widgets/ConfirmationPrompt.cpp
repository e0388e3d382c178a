#include "ui/widgets/ConfirmationPrompt.h"

#include <QMessageBox>
#include <QPushButton>

namespace raysec::ui {

namespace {

ConfirmationPrompt::Answerer& answerer()
{
    static ConfirmationPrompt::Answerer current;
    return current;
}

} // namespace

bool ConfirmationPrompt::confirm(QWidget* parent, const Question& question)
{
    if (answerer()) {
        return answerer()(question);
    }

    QMessageBox box(QMessageBox::Warning, question.title, question.text, QMessageBox::NoButton,
                    parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton* confirmButton = box.addButton(question.confirmLabel, QMessageBox::AcceptRole);
    QPushButton* cancelButton = box.addButton(QMessageBox::Cancel);
    // The safe choice is the default, so Enter never destroys anything by accident.
    box.setDefaultButton(cancelButton);
    box.exec();
    return box.clickedButton() == confirmButton;
}

void ConfirmationPrompt::setAnswerer(Answerer answerer_)
{
    answerer() = std::move(answerer_);
}

} // namespace raysec::ui
