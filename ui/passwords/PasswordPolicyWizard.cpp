#include "ui/passwords/PasswordPolicyWizard.h"

#include "core/passwords/PolicyRepository.h"
#include "ui/passwords/AdjustPage.h"
#include "ui/passwords/CalibratePage.h"
#include "ui/passwords/PolicyDraft.h"
#include "ui/passwords/PresetPage.h"
#include "ui/passwords/SavePage.h"
#include "ui/passwords/TryPasswordsPage.h"

namespace raysec::ui {

namespace {

// The stored policy and imported blocklist, or the NIST preset when the store cannot give them
// (the save step then reports the store's error).
std::pair<PasswordPolicy, Blocklist> loadStored(Database& store)
{
    PolicyRepository repo(store);
    if (!repo.migrate()) {
        return {PasswordPolicy::forPreset(PolicyPreset::Nist), {}};
    }
    return {repo.load().value_or(PasswordPolicy::forPreset(PolicyPreset::Nist)),
            repo.importedBlocklist().value_or(Blocklist())};
}

} // namespace

PasswordPolicyWizard::PasswordPolicyWizard(Database& store, QWidget* parent)
    : QWizard(parent)
{
    setWindowTitle(tr("Password policy"));
    auto [policy, imported] = loadStored(store);
    m_draft = new PolicyDraft(std::move(policy), std::move(imported), this);
    m_preset = new PresetPage(*m_draft, this);
    m_adjust = new AdjustPage(*m_draft, this);
    m_try = new TryPasswordsPage(*m_draft, this);
    m_calibrate = new CalibratePage(*m_draft, this);
    m_save = new SavePage(*m_draft, store, this);
    setPage(Preset, m_preset);
    setPage(Adjust, m_adjust);
    setPage(Try, m_try);
    setPage(Calibrate, m_calibrate);
    setPage(Save, m_save);
}

} // namespace raysec::ui
