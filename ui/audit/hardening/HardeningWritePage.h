#pragma once

#include "core/audit/fixes/ConsoleApplier.h"
#include "core/audit/fixes/HardeningOutput.h"
#include "core/store/ClusterProfile.h"

#include <QMap>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace raysec::ui {

class ConsoleContext;
class ErrorBanner;
struct HardeningDraft;

// Step 4: write the files to a folder (secret files 0600; an existing file is never
// overwritten) and apply what the console can do itself: keep the new Ray token in the
// profile's keychain entry, switch the profile to it, save the default quota policy, publish
// the key registry and sign the gateway's policy and user bundles.
class HardeningWritePage : public QWizardPage
{
    Q_OBJECT

public:
    HardeningWritePage(HardeningDraft& draft, ConsoleContext& context, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void writeFiles();
    void applyChanges();
    QLineEdit* folder() const { return m_ui.folder; }
    QLabel* folderProblem() const { return m_ui.problem; }
    QPushButton* writeButton() const { return m_ui.write; }
    QPushButton* applyButton() const { return m_ui.apply; }
    QCheckBox* changeBox(ConsoleChange change) const { return m_boxes.value(change); }
    QLabel* status() const { return m_ui.status; }
    ErrorBanner* banner() const { return m_ui.banner; }

Q_SIGNALS:
    void written();
    void applied();

private:
    QWidget* buildChanges();
    void checkFolder();
    void browse();
    void applyEnded(Result<AppliedChanges> result, QList<ConsoleChange> changes);
    static QString changeText(ConsoleChange change, const QString& profile, bool replacesToken);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLineEdit* folder = nullptr;
        QPushButton* browse = nullptr;
        QLabel* problem = nullptr;
        QPushButton* write = nullptr;
        QWidget* changes = nullptr;
        QPushButton* apply = nullptr;
        QLabel* status = nullptr;
    };
    Ui m_ui;
    QMap<ConsoleChange, QCheckBox*> m_boxes;
    HardeningDraft& m_draft;
    ConsoleContext& m_context;
    ConsoleApplier* m_applier = nullptr;
};

} // namespace raysec::ui
