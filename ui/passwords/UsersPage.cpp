#include "ui/passwords/UsersPage.h"

#include "core/keys/SigningKeyStore.h"
#include "core/passwords/UserAccounts.h"
#include "core/passwords/UserBundle.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/passwords/PasswordPolicyWizard.h"
#include "ui/passwords/UserPasswordDialog.h"
#include "ui/widgets/ErrorBanner.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("users"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Users"), 40,
     [](ConsoleContext& context, QWidget* parent) { return new UsersPage(context, parent); }}};

} // namespace

UsersPage::UsersPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    buildUi();
    reload();
}

UsersPage::~UsersPage()
{
    if (m_worker) {
        m_worker->wait();
    }
}

void UsersPage::buildUi()
{
    m_ui.banner = new ErrorBanner(this);
    m_ui.table = new QTableWidget(0, 5, this);
    m_ui.table->setHorizontalHeaderLabels(
        {tr("User"), tr("Role"), tr("State"), tr("Created"), tr("Changed")});
    m_ui.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui.table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui.table->horizontalHeader()->setStretchLastSection(true);
    m_ui.add = new QPushButton(tr("Add…"), this);
    m_ui.reset = new QPushButton(tr("Reset password…"), this);
    m_ui.disable = new QPushButton(tr("Disable or enable"), this);
    m_ui.policy = new QPushButton(tr("Password policy…"), this);
    m_ui.exportButton = new QPushButton(tr("Export signed bundle…"), this);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_ui.add, m_ui.reset, m_ui.disable, m_ui.policy}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_ui.exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(m_ui.banner);
    layout->addLayout(buttons);
    layout->addWidget(m_ui.table, 1);

    connect(m_ui.add, &QPushButton::clicked, this, &UsersPage::askNewUser);
    connect(m_ui.reset, &QPushButton::clicked, this, &UsersPage::askNewPassword);
    connect(m_ui.disable, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    connect(m_ui.policy, &QPushButton::clicked, this, &UsersPage::openPolicyWizard);
    connect(m_ui.exportButton, &QPushButton::clicked, this, &UsersPage::chooseExportFile);
}

void UsersPage::reload()
{
    UserAccounts accounts(m_context.store());
    auto ok = accounts.migrate();
    auto users =
        ok ? accounts.users().list() : Result<QList<DashboardUser>>(std::unexpected(ok.error()));
    if (!users) {
        showError(users.error());
        return;
    }
    m_ui.table->setRowCount(int(users->size()));
    for (int row = 0; row < users->size(); ++row) {
        const DashboardUser& u = users->at(row);
        const QString cells[] = {u.name, DashboardUser::roleName(u.role),
                                 u.disabled ? tr("disabled") : tr("enabled"),
                                 QLocale().toString(u.created.toLocalTime(), QLocale::ShortFormat),
                                 QLocale().toString(u.changed.toLocalTime(), QLocale::ShortFormat)};
        for (int column = 0; column < 5; ++column) {
            m_ui.table->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
    }
    Q_EMIT usersChanged();
}

void UsersPage::showError(const Error& error)
{
    m_ui.banner->showMessage(ErrorBanner::Level::Error, error.message, error.hint);
}

QString UsersPage::selectedUser() const
{
    const auto rows = m_ui.table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_ui.table->item(rows.first().row(), 0)->text();
}

void UsersPage::hashThen(const QString& name, SecretBuffer password,
                         std::function<Result<void>(const QString& phc)> store)
{
    UserAccounts accounts(m_context.store());
    auto checker = accounts.checker();
    if (!checker) {
        showError(checker.error());
        return;
    }
    auto input = std::make_shared<SecretBuffer>(std::move(password));
    auto outcome = std::make_shared<Result<QString>>(QString());
    m_worker = QThread::create([input, outcome, name, checker = std::move(*checker)] {
        *outcome = UserAccounts::checkedHash(checker, name, *input);
        input->clear();
    });
    connect(m_worker, &QThread::finished, this, [this, outcome, store = std::move(store)] {
        m_worker->deleteLater();
        m_worker = nullptr;
        setEnabled(true);
        auto ok = *outcome ? store(**outcome) : Result<void>(std::unexpected(outcome->error()));
        if (!ok) {
            showError(ok.error());
            return;
        }
        m_ui.banner->clear();
        reload();
    });
    setEnabled(false);
    m_worker->start();
}

void UsersPage::addUser(const QString& name, UserRole role, SecretBuffer password)
{
    hashThen(name, std::move(password), [this, name, role](const QString& phc) {
        UserAccounts accounts(m_context.store());
        auto added = accounts.addHashed(name, role, phc);
        return added ? Result<void>() : Result<void>(std::unexpected(added.error()));
    });
}

void UsersPage::resetPassword(const QString& name, SecretBuffer password)
{
    hashThen(name, std::move(password), [this, name](const QString& phc) {
        return UserAccounts(m_context.store()).resetHashed(name, phc);
    });
}

void UsersPage::toggleDisabled()
{
    const QString name = selectedUser();
    if (name.isEmpty()) {
        return;
    }
    UserAccounts accounts(m_context.store());
    auto user = accounts.users().find(name);
    auto ok = user ? accounts.setDisabled(name, !user->disabled)
                   : Result<void>(std::unexpected(user.error()));
    if (!ok) {
        showError(ok.error());
        return;
    }
    reload();
}

void UsersPage::askNewUser()
{
    auto checker = UserAccounts(m_context.store()).checker();
    if (!checker) {
        showError(checker.error());
        return;
    }
    UserPasswordDialog dialog(std::move(*checker), QString(), this);
    if (dialog.exec() == QDialog::Accepted) {
        addUser(dialog.userName(), dialog.role(), dialog.takePassword());
    }
}

void UsersPage::askNewPassword()
{
    const QString name = selectedUser();
    auto checker = UserAccounts(m_context.store()).checker();
    if (name.isEmpty() || !checker) {
        return;
    }
    UserPasswordDialog dialog(std::move(*checker), name, this);
    if (dialog.exec() == QDialog::Accepted) {
        resetPassword(name, dialog.takePassword());
    }
}

void UsersPage::openPolicyWizard()
{
    PasswordPolicyWizard wizard(m_context.store(), this);
    wizard.exec();
}

void UsersPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the dashboard users"),
                                                      QStringLiteral("dashboard-users.json"),
                                                      tr("JSON files (*.json)"));
    if (!path.isEmpty()) {
        exportBundle(path);
    }
}

void UsersPage::exportBundle(const QString& path)
{
    UserAccounts accounts(m_context.store());
    auto users = accounts.users().list();
    auto policy = accounts.policies().load();
    if (!users || !policy) {
        showError(!users ? users.error() : policy.error());
        Q_EMIT exportFinished(false);
        return;
    }
    const std::string document =
        UserBundle::document(*users, policy->hashing, QDateTime::currentDateTimeUtc());
    auto* keys = new SigningKeyStore(m_context.keychain(),
                                     QString::fromLatin1(SigningKeyStore::DefaultService), this);
    keys->load(this, [this, keys, document, path](Result<MinisignKeyPair> key) {
        keys->deleteLater();
        auto ok = key ? UserBundle::write(path, document, *key)
                      : Result<void>(std::unexpected(key.error()));
        if (!ok) {
            showError(ok.error());
        } else {
            m_ui.banner->showMessage(ErrorBanner::Level::Warning,
                                     tr("Exported and signed with key %1.").arg(key->keyIdHex()),
                                     path);
        }
        Q_EMIT exportFinished(bool(ok));
    });
}

} // namespace raysec::ui
