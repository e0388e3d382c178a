#pragma once

#include "core/common/SecretBuffer.h"
#include "core/passwords/DashboardUser.h"

#include <QPointer>
#include <QThread>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace raysec::ui {

class ConsoleContext;
class ErrorBanner;

// The Users page: the dashboard users the gateway lets in. Add, disable or enable, reset a
// password, open the password policy wizard and export the signed user bundle. Checking and
// hashing a password (about half a second) runs on a worker thread.
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(ConsoleContext& context, QWidget* parent = nullptr);
    ~UsersPage() override;

    // The actions behind the buttons, with the password already entered (tests call these).
    void addUser(const QString& name, UserRole role, SecretBuffer password);
    void resetPassword(const QString& name, SecretBuffer password);
    void toggleDisabled();
    void exportBundle(const QString& path);

    QTableWidget* table() const { return m_ui.table; }
    ErrorBanner* banner() const { return m_ui.banner; }
    bool isBusy() const { return m_worker != nullptr; }

Q_SIGNALS:
    void usersChanged();
    void exportFinished(bool ok);

private:
    void buildUi();
    void reload();
    void showError(const Error& error);
    QString selectedUser() const;
    void askNewUser();
    void askNewPassword();
    void openPolicyWizard();
    void chooseExportFile();
    void hashThen(const QString& name, SecretBuffer password,
                  std::function<Result<void>(const QString& phc)> store);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QTableWidget* table = nullptr;
        QPushButton* add = nullptr;
        QPushButton* reset = nullptr;
        QPushButton* disable = nullptr;
        QPushButton* policy = nullptr;
        QPushButton* exportButton = nullptr;
    };
    ConsoleContext& m_context;
    Ui m_ui;
    QPointer<QThread> m_worker;
};

} // namespace raysec::ui
