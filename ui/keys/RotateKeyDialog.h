#pragma once

#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QDateTimeEdit;

namespace raysec::ui {

// Asks when the old key (or a team's keys) stops working and, optionally, when the new one
// expires.
class RotateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    RotateKeyDialog(const QString& subject, const QDateTime& now, QWidget* parent = nullptr);

    QDateTime graceUntil() const;
    QDateTime newExpiry() const; // invalid: keep the old key's lifetime

private:
    struct Ui
    {
        QDateTimeEdit* grace = nullptr;
        QCheckBox* setExpiry = nullptr;
        QDateTimeEdit* expiry = nullptr;
    };
    Ui m_ui;
};

} // namespace raysec::ui
