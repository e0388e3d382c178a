#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace raysec::ui {

// The destructive confirmation for revoking a key or a team's keys: it takes effect at once and
// needs a reason, which goes into the registry and the audit trail.
class RevokeKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RevokeKeyDialog(const QString& subject, QWidget* parent = nullptr);

    QString reason() const;
    QLineEdit* reasonEdit() const { return m_reason; }

private:
    QLineEdit* m_reason = nullptr;
    QPushButton* m_revoke = nullptr;
};

} // namespace raysec::ui
