#include "ui/passwords/PresetPage.h"

#include "ui/passwords/PolicyDraft.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

enum Choice
{
    Nist,
    NistSecondFactor,
    Organisation,
    Custom
};

} // namespace

PresetPage::PresetPage(PolicyDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Choose a starting point"));
    setSubTitle(tr("Every field can be adjusted on the next page."));
    m_choices = new QButtonGroup(this);
    auto* layout = new QVBoxLayout(this);
    const std::pair<int, QString> choices[] = {
        {Nist, tr("NIST SP 800-63B-4: at least 15 characters, a blocklist, no composition rules "
                  "and no forced changes (recommended)")},
        {NistSecondFactor, tr("NIST SP 800-63B-4 with a second factor: at least 8 characters")},
        {Organisation, tr("Organisation: 12 characters with lower case, upper case, digits and "
                          "symbols, for rules that mandate them")},
        {Custom, tr("Custom: start from the NIST values and change anything")}};
    for (const auto& [id, text] : choices) {
        auto* button = new QRadioButton(text, this);
        m_choices->addButton(button, id);
        layout->addWidget(button);
    }
    layout->addStretch(1);
}

void PresetPage::initializePage()
{
    const PasswordPolicy& p = m_draft.policy();
    int id = Custom;
    if (p.preset == PolicyPreset::Nist) {
        id = p.secondFactor ? NistSecondFactor : Nist;
    } else if (p.preset == PolicyPreset::Organisation) {
        id = Organisation;
    }
    m_choices->button(id)->setChecked(true);
}

bool PresetPage::validatePage()
{
    const int id = m_choices->checkedId();
    const PolicyPreset preset = id == Organisation ? PolicyPreset::Organisation
                                : id == Custom     ? PolicyPreset::Custom
                                                   : PolicyPreset::Nist;
    PasswordPolicy fresh = PasswordPolicy::forPreset(preset, id == NistSecondFactor);
    // The preset sets the rules; the site's words, HIBP file and calibration stay.
    const PasswordPolicy& current = m_draft.policy();
    fresh.contextWords = current.contextWords;
    fresh.hibpFile = current.hibpFile;
    fresh.hashing = current.hashing;
    m_draft.setPolicy(fresh);
    return true;
}

} // namespace raysec::ui
