#pragma once

#include "core/common/Error.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace raysec {
class KeyManager;
struct IssuedKey;
} // namespace raysec

namespace raysec::ui {

class ConsoleContext;
class ErrorBanner;
class KeysFilterModel;
class KeysModel;
class SecretClipboard;

// The API key manager: the registry as a table with status colours, filters by team, status
// and expiry, a detail pane, and issue, rotate and revoke (for one key or a whole team). New
// secrets are shown once; keys close to expiry raise a warning.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(ConsoleContext& context, QWidget* parent = nullptr);
    ~KeysPage() override;

    KeysModel* model() const { return m_model; }
    KeysFilterModel* filter() const { return m_filter; }
    QTableView* table() const { return m_ui.table; }
    ErrorBanner* warning() const { return m_ui.warning; }
    ErrorBanner* banner() const { return m_ui.banner; }
    QLabel* details() const { return m_ui.details; }
    QComboBox* teamFilter() const { return m_ui.team; }
    QComboBox* statusFilter() const { return m_ui.status; }
    QPushButton* issueButton() const { return m_ui.issue; }
    SecretClipboard* clipboard() const { return m_clipboard; }

    void reload();

Q_SIGNALS:
    // Emitted with the new key's id after a secret was shown.
    void keyIssued(const QString& id);

private:
    void buildUi();
    QWidget* buildFilters();
    QWidget* buildButtons();
    void applyFilters();
    void showSelection();
    void issue();
    void rotate(bool wholeTeam);
    void revoke(bool wholeTeam);
    void reveal(const IssuedKey& key);
    QString selectedId() const;
    bool report(const Error& error);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        ErrorBanner* warning = nullptr;
        QComboBox* team = nullptr;
        QComboBox* status = nullptr;
        QCheckBox* expiring = nullptr;
        QTableView* table = nullptr;
        QLabel* details = nullptr;
        QPushButton* issue = nullptr;
        QPushButton* rotate = nullptr;
        QPushButton* revoke = nullptr;
        QPushButton* rotateTeam = nullptr;
        QPushButton* revokeTeam = nullptr;
    };
    Ui m_ui;
    ConsoleContext& m_context;
    std::unique_ptr<KeyManager> m_keys;
    KeysModel* m_model = nullptr;
    KeysFilterModel* m_filter = nullptr;
    SecretClipboard* m_clipboard = nullptr;
};

} // namespace raysec::ui
