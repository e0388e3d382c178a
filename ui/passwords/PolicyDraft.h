#pragma once

#include "core/passwords/PasswordChecker.h"

#include <QObject>

namespace raysec::ui {

// The policy being edited in the password policy wizard, shared by its pages, with a checker
// kept in step so that the "try passwords" page can check on every keystroke.
class PolicyDraft : public QObject
{
    Q_OBJECT

public:
    PolicyDraft(PasswordPolicy policy, Blocklist imported, QObject* parent = nullptr);

    const PasswordPolicy& policy() const { return m_checker.policy(); }
    const PasswordChecker& checker() const { return m_checker; }
    void setPolicy(const PasswordPolicy& policy);

Q_SIGNALS:
    void changed();

private:
    Blocklist m_imported;
    PasswordChecker m_checker;
};

} // namespace raysec::ui
