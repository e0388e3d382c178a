#pragma once

#include <QWizard>

namespace raysec {
class Database;
}

namespace raysec::ui {

class AdjustPage;
class CalibratePage;
class PolicyDraft;
class PresetPage;
class SavePage;
class TryPasswordsPage;

// The password policy wizard: choose a preset, adjust it, try passwords against it, calibrate
// hashing, save and export. A thin shell: each step is its own page class sharing a PolicyDraft.
class PasswordPolicyWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        Preset,
        Adjust,
        Try,
        Calibrate,
        Save
    };

    explicit PasswordPolicyWizard(Database& store, QWidget* parent = nullptr);

    PolicyDraft& draft() const { return *m_draft; }
    PresetPage* presetPage() const { return m_preset; }
    AdjustPage* adjustPage() const { return m_adjust; }
    TryPasswordsPage* tryPage() const { return m_try; }
    CalibratePage* calibratePage() const { return m_calibrate; }
    SavePage* savePage() const { return m_save; }

private:
    PolicyDraft* m_draft = nullptr;
    PresetPage* m_preset = nullptr;
    AdjustPage* m_adjust = nullptr;
    TryPasswordsPage* m_try = nullptr;
    CalibratePage* m_calibrate = nullptr;
    SavePage* m_save = nullptr;
};

} // namespace raysec::ui
