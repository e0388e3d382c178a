#include "ui/passwords/PolicyDraft.h"

namespace raysec::ui {

PolicyDraft::PolicyDraft(PasswordPolicy policy, Blocklist imported, QObject* parent)
    : QObject(parent)
    , m_imported(std::move(imported))
    , m_checker(std::move(policy), m_imported)
{
}

void PolicyDraft::setPolicy(const PasswordPolicy& policy)
{
    m_checker = PasswordChecker(policy, m_imported);
    Q_EMIT changed();
}

} // namespace raysec::ui
