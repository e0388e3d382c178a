#pragma once

#include "core/common/Error.h"
#include "core/tls/NodeEntry.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace raysec::ui {

class ConsoleContext;
struct CertDraft;

// Wizard step 3: the nodes, one per line ("name ip [hostname ...] [role=head]"), typed, loaded
// from a text or CSV list, or read from the connected cluster; and the names clients use for
// the head. The list is checked on every keystroke and the first problem is shown under it.
class NodesPage : public QWizardPage
{
    Q_OBJECT

public:
    NodesPage(CertDraft& draft, ConsoleContext& context, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Replaces the list with the file's nodes; a bad file changes nothing and says why.
    void loadFile(const QString& path);
    void loadFromCluster();

    QPlainTextEdit* editor() const { return m_ui.editor; }
    QLabel* nodesReason() const { return m_ui.nodesReason; }
    QLineEdit* headNamesField() const { return m_ui.headNames; }
    QLabel* headNamesReason() const { return m_ui.headNamesReason; }
    QPushButton* clusterButton() const { return m_ui.fromCluster; }
    QLabel* status() const { return m_ui.status; }

    static QString nodeLine(const tls::NodeEntry& node);

Q_SIGNALS:
    void clusterNodesLoaded();

private:
    struct Ui
    {
        QPlainTextEdit* editor = nullptr;
        QLabel* nodesReason = nullptr;
        QLineEdit* headNames = nullptr;
        QLabel* headNamesReason = nullptr;
        QPushButton* fromFile = nullptr;
        QPushButton* fromCluster = nullptr;
        QLabel* status = nullptr;
    };

    QWidget* buildSourceButtons();
    void revalidate();
    QStringList headNames() const;
    Result<QList<tls::NodeEntry>> parseNodes() const;
    void setNodes(const Result<QList<tls::NodeEntry>>& nodes, const QString& source);

    CertDraft& m_draft;
    ConsoleContext& m_context;
    Ui m_ui;
    bool m_valid = false;
};

} // namespace raysec::ui
