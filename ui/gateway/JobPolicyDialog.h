#pragma once

#include "core/gatewayclient/JobPolicyStore.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace raysec {
class Database;
}

namespace raysec::ui {

class ErrorBanner;

// Edits the job-submission policy that the console signs into the gateway's policy bundle:
// the hosts and URI schemes a job's runtime_env may fetch from, the programs an entrypoint may
// start and the texts it must not contain. Saving changes the console's store only; the
// gateway applies the policy once its bundles are signed again and it reloads them.
class JobPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit JobPolicyDialog(Database& store, QWidget* parent = nullptr);

    // The policy the form describes now.
    JobPolicy policy() const;
    void showPolicy(const JobPolicy& policy);

    // Saves the form. A refused entry is shown in the banner and the stored policy stays as
    // it was; false then.
    bool save();
    // Forgets the saved policy, so that Raysec's recommended one applies again, and shows it.
    bool resetToRecommended();

    ErrorBanner* banner() const { return m_ui.banner; }
    QLabel* sourceLabel() const { return m_ui.source; }
    QPlainTextEdit* hostsEdit() const { return m_ui.hosts; }
    QPlainTextEdit* schemesEdit() const { return m_ui.schemes; }
    QPlainTextEdit* programsEdit() const { return m_ui.programs; }
    QPlainTextEdit* forbiddenEdit() const { return m_ui.forbidden; }
    QSpinBox* lengthBox() const { return m_ui.length; }
    QPushButton* resetButton() const { return m_ui.reset; }

private:
    void buildUi();
    // Shows the policy new bundles carry and where it comes from; changed after a save or
    // reset, to say what applying it takes.
    void load(bool changed = false);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLabel* source = nullptr;
        QPlainTextEdit* hosts = nullptr;
        QPlainTextEdit* schemes = nullptr;
        QPlainTextEdit* programs = nullptr;
        QPlainTextEdit* forbidden = nullptr;
        QSpinBox* length = nullptr;
        QPushButton* save = nullptr;
        QPushButton* reset = nullptr;
    };

    JobPolicyStore m_store;
    bool m_ready = false;
    Ui m_ui;
};

} // namespace raysec::ui
