#include "ui/keys/KeysPage.h"

#include "core/keys/KeyManager.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/keys/IssueKeyDialog.h"
#include "ui/keys/KeysFilterModel.h"
#include "ui/keys/KeysModel.h"
#include "ui/keys/RevokeKeyDialog.h"
#include "ui/keys/RotateKeyDialog.h"
#include "ui/keys/SecretClipboard.h"
#include "ui/keys/SecretRevealDialog.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/RecordSplitter.h"

#include "core/store/Keychain.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("keys"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Keys"), 30,
     [](ConsoleContext& context, QWidget* parent) { return new KeysPage(context, parent); }}};

QString detailText(const ApiKeyRecord& r, const QDateTime& now)
{
    auto time = [](const QDateTime& t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat)
                           : KeysPage::tr("never");
    };
    QStringList lines = {
        KeysPage::tr("Key %1 of %2, team %3").arg(r.id, r.owner, r.team),
        KeysPage::tr("Status: %1 %2").arg(KeysModel::statusText(r.statusAt(now)), r.statusReason),
        KeysPage::tr("Scopes: %1").arg(KeyScopes::toNames(r.scopes).join(QStringLiteral(", "))),
        KeysPage::tr("Created: %1").arg(time(r.created)),
        KeysPage::tr("Valid from: %1").arg(time(r.notBefore)),
        KeysPage::tr("Expires: %1").arg(time(r.expires)),
        KeysPage::tr("Rate tier: %1").arg(r.rateTier),
        KeysPage::tr("Last used: %1").arg(time(r.lastUsed)),
    };
    if (r.graceUntil.isValid()) {
        lines << KeysPage::tr("Grace until: %1").arg(time(r.graceUntil));
    }
    if (!r.replaces.isEmpty()) {
        lines << KeysPage::tr("Replaces: %1").arg(r.replaces);
    }
    if (!r.description.isEmpty()) {
        lines << KeysPage::tr("Description: %1").arg(r.description);
    }
    return lines.join(u'\n');
}

} // namespace

KeysPage::KeysPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_keys(std::make_unique<KeyManager>(context.store()))
    , m_model(new KeysModel(this))
    , m_filter(new KeysFilterModel(this))
    , m_clipboard(new SecretClipboard(this))
{
    m_filter->setSourceModel(m_model);
    buildUi();
    if (auto ok = m_keys->migrate(); !ok) {
        report(ok.error());
        return;
    }
    reload();
}

KeysPage::~KeysPage() = default;

void KeysPage::buildUi()
{
    auto* title = new QLabel(tr("API keys"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_ui.banner = new ErrorBanner(this);
    m_ui.warning = new ErrorBanner(this);
    auto* splitter = new RecordSplitter(m_filter, tr("Select a key to see its details."), 1, this);
    m_ui.table = splitter->table();
    m_ui.details = splitter->details();
    m_ui.table->setSortingEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_ui.banner);
    layout->addWidget(m_ui.warning);
    layout->addWidget(buildFilters());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildButtons());
    connect(m_ui.table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &KeysPage::showSelection);
}

QWidget* KeysPage::buildFilters()
{
    auto* row = new QWidget(this);
    m_ui.team = new QComboBox(row);
    m_ui.status = new QComboBox(row);
    m_ui.status->addItem(tr("Any status"));
    for (KeyStatus s :
         {KeyStatus::Active, KeyStatus::Grace, KeyStatus::Expired, KeyStatus::Revoked}) {
        m_ui.status->addItem(KeysModel::statusText(s), int(s));
    }
    m_ui.expiring = new QCheckBox(tr("Expiring within %1 days").arg(KeysModel::WarningDays), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Team"), row));
    layout->addWidget(m_ui.team);
    layout->addWidget(new QLabel(tr("Status"), row));
    layout->addWidget(m_ui.status);
    layout->addWidget(m_ui.expiring);
    layout->addStretch(1);
    connect(m_ui.team, &QComboBox::currentIndexChanged, this, &KeysPage::applyFilters);
    connect(m_ui.status, &QComboBox::currentIndexChanged, this, &KeysPage::applyFilters);
    connect(m_ui.expiring, &QCheckBox::toggled, this, &KeysPage::applyFilters);
    return row;
}

QWidget* KeysPage::buildButtons()
{
    auto* row = new QWidget(this);
    m_ui.issue = new QPushButton(tr("Issue key…"), row);
    m_ui.rotate = new QPushButton(tr("Rotate…"), row);
    m_ui.revoke = new QPushButton(tr("Revoke…"), row);
    m_ui.rotateTeam = new QPushButton(tr("Rotate team…"), row);
    m_ui.revokeTeam = new QPushButton(tr("Revoke team…"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* b :
         {m_ui.issue, m_ui.rotate, m_ui.revoke, m_ui.rotateTeam, m_ui.revokeTeam}) {
        layout->addWidget(b);
    }
    layout->addStretch(1);
    connect(m_ui.issue, &QPushButton::clicked, this, &KeysPage::issue);
    connect(m_ui.rotate, &QPushButton::clicked, this, [this] { rotate(false); });
    connect(m_ui.revoke, &QPushButton::clicked, this, [this] { revoke(false); });
    connect(m_ui.rotateTeam, &QPushButton::clicked, this, [this] { rotate(true); });
    connect(m_ui.revokeTeam, &QPushButton::clicked, this, [this] { revoke(true); });
    return row;
}

bool KeysPage::report(const Error& error)
{
    if (error.code.isEmpty()) {
        return false;
    }
    m_ui.banner->showMessage(ErrorBanner::Level::Error, error.message, error.hint);
    return true;
}

void KeysPage::reload()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto records = m_keys->list({}, now);
    if (!records) {
        report(records.error());
        return;
    }
    const QString team = m_ui.team->currentData().toString();
    QSignalBlocker block(m_ui.team);
    m_ui.team->clear();
    m_ui.team->addItem(tr("All teams"), QString());
    for (const QString& t : m_keys->registry().teams().value_or(QStringList())) {
        m_ui.team->addItem(t, t);
    }
    m_ui.team->setCurrentIndex(std::max(0, m_ui.team->findData(team)));
    m_model->setRecords(std::move(*records), now);
    applyFilters();

    const int soon = m_model->expiringSoon();
    if (soon > 0) {
        m_ui.warning->showMessage(
            ErrorBanner::Level::Warning,
            tr("%n key(s) expire within %1 days.", nullptr, soon).arg(KeysModel::WarningDays),
            tr("Rotate them before they stop working."));
    } else {
        m_ui.warning->clear();
    }
}

void KeysPage::applyFilters()
{
    m_filter->setTeam(m_ui.team->currentData().toString());
    const QVariant status = m_ui.status->currentData();
    m_filter->setStatus(status.isValid() ? std::optional<int>(status.toInt()) : std::nullopt);
    m_filter->setExpiringOnly(m_ui.expiring->isChecked());
    const bool team = !m_ui.team->currentData().toString().isEmpty();
    m_ui.rotateTeam->setEnabled(team);
    m_ui.revokeTeam->setEnabled(team);
    showSelection();
}

QString KeysPage::selectedId() const
{
    const QModelIndex current = m_ui.table->currentIndex();
    const ApiKeyRecord* r = m_model->record(m_filter->mapToSource(current).row());
    return current.isValid() && r ? r->id : QString();
}

void KeysPage::showSelection()
{
    const QModelIndex current = m_ui.table->currentIndex();
    const ApiKeyRecord* r =
        current.isValid() ? m_model->record(m_filter->mapToSource(current).row()) : nullptr;
    m_ui.rotate->setEnabled(r && r->statusAt(m_model->now()) == KeyStatus::Active);
    m_ui.revoke->setEnabled(r && r->status != KeyStatus::Revoked);
    m_ui.details->setText(r ? detailText(*r, m_model->now())
                            : tr("Select a key to see its details."));
}

void KeysPage::issue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    IssueKeyDialog dialog(m_keys->registry().teams().value_or(QStringList()), now, this);
    while (dialog.exec() == QDialog::Accepted) {
        auto issued = m_keys->issue(dialog.request(), QDateTime::currentDateTimeUtc());
        if (!issued) {
            dialog.showError(issued.error().text());
            continue;
        }
        if (issued->record.keptInKeychain) {
            m_context.keychain().write(QString::fromLatin1(KeyManager::OwnKeysService),
                                       issued->record.id, issued->secret, this,
                                       [this](Result<void> stored) {
                                           if (!stored) {
                                               report(stored.error());
                                           }
                                       });
        }
        reload();
        reveal(*issued);
        return;
    }
}

void KeysPage::reveal(const IssuedKey& key)
{
    const QString secret = QString::fromLatin1(key.secret.data(), qsizetype(key.secret.size()));
    SecretRevealDialog dialog(key.record.id, secret, *m_clipboard, this);
    // Tests close the dialog from this signal; people read and copy the key first.
    QMetaObject::invokeMethod(
        this, [this, id = key.record.id] { Q_EMIT keyIssued(id); }, Qt::QueuedConnection);
    dialog.exec();
}

void KeysPage::rotate(bool wholeTeam)
{
    const QString team = m_ui.team->currentData().toString();
    const QString id = selectedId();
    const QString subject = wholeTeam ? tr("every active key of team %1").arg(team) : id;
    RotateKeyDialog dialog(subject, QDateTime::currentDateTimeUtc(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<IssuedKey> issued;
    if (wholeTeam) {
        auto keys = m_keys->rotateTeam(team, dialog.graceUntil(), dialog.newExpiry(), now);
        if (report(keys ? Error{} : keys.error())) {
            return;
        }
        issued = std::move(*keys);
    } else {
        auto key = m_keys->rotate(id, dialog.graceUntil(), dialog.newExpiry(), now);
        if (report(key ? Error{} : key.error())) {
            return;
        }
        issued.push_back(std::move(*key));
    }
    reload();
    for (const IssuedKey& key : issued) {
        reveal(key);
    }
}

void KeysPage::revoke(bool wholeTeam)
{
    const QString team = m_ui.team->currentData().toString();
    const QString id = selectedId();
    RevokeKeyDialog dialog(wholeTeam ? tr("every key of team %1").arg(team) : id, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<void> done;
    if (wholeTeam) {
        auto count = m_keys->revokeTeam(team, dialog.reason(), now);
        done = count ? Result<void>() : std::unexpected(count.error());
    } else {
        done = m_keys->revoke(id, dialog.reason(), now);
    }
    if (done) {
        m_ui.banner->clear();
    } else {
        report(done.error());
    }
    reload();
}

} // namespace raysec::ui
