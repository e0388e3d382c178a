#include "ui/profiles/ProfileDialog.h"

#include "core/store/ProfileRepository.h"
#include "ui/profiles/ProfileSaver.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const QString nameField = QStringLiteral("name");
const QString urlField = QStringLiteral("url");
const QString caBundleField = QStringLiteral("caBundle");
const QString pinField = QStringLiteral("pin");
const QString clientCertField = QStringLiteral("clientCert");
const QString tokenField = QStringLiteral("token");
const QString refreshField = QStringLiteral("refresh");

} // namespace

ProfileDialog::ProfileDialog(Database& store, Keychain& keychain,
                             std::optional<ClusterProfile> existing, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_keychain(keychain)
    , m_existing(std::move(existing))
{
    setWindowTitle(m_existing ? tr("Edit cluster") : tr("Add cluster"));
    buildUi();
    if (m_existing) {
        loadProfile(*m_existing);
    }
    updateVisibility();
    revalidate();
}

void ProfileDialog::buildUi()
{
    m_ui.banner = new ErrorBanner(this);
    m_ui.name = new QLineEdit(this);
    m_ui.name->setPlaceholderText(tr("production"));
    m_ui.url = new QLineEdit(this);
    m_ui.url->setPlaceholderText(tr("https://ray-head.example:8443"));
    m_ui.httpWarning = new QLabel(
        tr("Plain http: the token and all cluster data travel unencrypted. Use it only for a "
           "dashboard on this machine."),
        this);
    m_ui.httpWarning->setObjectName(QStringLiteral("fieldWarning"));
    m_ui.httpWarning->setWordWrap(true);
    m_ui.trust = new QComboBox(this);
    m_ui.trust->addItem(tr("System certificate authorities"), int(TrustMode::SystemCas));
    m_ui.trust->addItem(tr("CA bundle file"), int(TrustMode::CaBundle));
    m_ui.trust->addItem(tr("Pinned public key (SPKI SHA-256)"), int(TrustMode::PinnedSpki));
    m_ui.caBundle = new QLineEdit(this);
    m_ui.pin = new QLineEdit(this);
    m_ui.pin->setPlaceholderText(tr("44 base64 characters"));
    m_ui.clientCert = new QLineEdit(this);
    m_ui.clientKey = new QLineEdit(this);
    m_ui.auth = new QComboBox(this);
    m_ui.auth->addItem(tr("None"), int(AuthMode::None));
    m_ui.auth->addItem(tr("Ray token"), int(AuthMode::RayToken));
    m_ui.token = new SecretLineEdit(this);
    m_ui.token->setAccessibleName(tr("Ray token"));
    m_ui.token->setPlaceholderText(m_existing ? tr("Leave empty to keep the stored token")
                                              : tr("Typed once, kept in the keychain"));
    m_ui.refresh = new QSpinBox(this);
    m_ui.refresh->setRange(1, 3600);
    m_ui.refresh->setValue(5);
    m_ui.refresh->setSuffix(tr(" s"));

    m_ui.form = new QFormLayout;
    m_ui.form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addRow(tr("&Name:"), m_ui.name, fieldRow(m_ui.name, nameField));
    addRow(tr("Dashboard &address:"), m_ui.url, fieldRow(m_ui.url, urlField, m_ui.httpWarning));
    addRow(tr("&Trust:"), m_ui.trust, m_ui.trust);
    addRow(tr("CA &bundle:"), m_ui.caBundle,
           fileRow(m_ui.caBundle, caBundleField, tr("Choose a CA bundle")));
    addRow(tr("&Pin:"), m_ui.pin, fieldRow(m_ui.pin, pinField));
    addRow(tr("Client &certificate:"), m_ui.clientCert,
           fileRow(m_ui.clientCert, clientCertField, tr("Choose a client certificate")));
    addRow(tr("Client &key:"), m_ui.clientKey,
           fileRow(m_ui.clientKey, QString(), tr("Choose the client key")));
    addRow(tr("A&uthentication:"), m_ui.auth, m_ui.auth);
    addRow(tr("T&oken:"), m_ui.token, fieldRow(m_ui.token, tokenField));
    addRow(tr("&Refresh every:"), m_ui.refresh, fieldRow(m_ui.refresh, refreshField));

    m_ui.buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addLayout(m_ui.form);
    layout->addStretch(1);
    layout->addWidget(m_ui.buttons);
    setMinimumWidth(560);

    connect(m_ui.buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_ui.buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    auto edited = [this](const QString& field) {
        return [this, field] {
            m_touched.insert(field);
            revalidate();
        };
    };
    connect(m_ui.name, &QLineEdit::textEdited, this, edited(nameField));
    connect(m_ui.url, &QLineEdit::textEdited, this, edited(urlField));
    connect(m_ui.caBundle, &QLineEdit::textChanged, this, edited(caBundleField));
    connect(m_ui.pin, &QLineEdit::textEdited, this, edited(pinField));
    connect(m_ui.clientCert, &QLineEdit::textChanged, this, edited(clientCertField));
    connect(m_ui.clientKey, &QLineEdit::textChanged, this, edited(clientCertField));
    connect(m_ui.token, &SecretLineEdit::secretEdited, this, edited(tokenField));
    connect(m_ui.refresh, &QSpinBox::valueChanged, this, edited(refreshField));
    for (QComboBox* combo : {m_ui.trust, m_ui.auth}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateVisibility();
            revalidate();
        });
    }
}

QWidget* ProfileDialog::fieldRow(QWidget* editor, const QString& field, QWidget* extra)
{
    auto* row = new QWidget(this);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    if (!field.isEmpty()) {
        auto* error = new QLabel(row);
        error->setObjectName(QStringLiteral("fieldError"));
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        error->hide();
        m_errorLabels.insert(field, error);
        layout->addWidget(error);
    }
    if (extra) {
        layout->addWidget(extra);
    }
    return row;
}

QWidget* ProfileDialog::fileRow(QLineEdit* edit, const QString& field, const QString& dialogTitle)
{
    auto* line = new QWidget(this);
    auto* browse = new QPushButton(tr("Browse…"), line);
    browse->setAccessibleName(dialogTitle);
    auto* layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, dialogTitle] {
        // An open() dialog rather than a static one: no nested event loop.
        auto* chooser = new QFileDialog(this, dialogTitle, edit->text());
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        chooser->open();
    });
    return fieldRow(line, field);
}

void ProfileDialog::addRow(const QString& label, QWidget* editor, QWidget* row)
{
    auto* text = new QLabel(label, this);
    text->setBuddy(editor);
    m_ui.form->addRow(text, row);
    editor->setProperty("formRow", QVariant::fromValue(row));
}

void ProfileDialog::loadProfile(const ClusterProfile& profile)
{
    m_ui.name->setText(profile.name);
    m_ui.url->setText(profile.dashboardUrl.toString());
    m_ui.trust->setCurrentIndex(m_ui.trust->findData(int(profile.trust)));
    m_ui.caBundle->setText(profile.caBundlePath);
    m_ui.pin->setText(profile.pinnedSpkiSha256);
    m_ui.clientCert->setText(profile.clientCertPath);
    m_ui.clientKey->setText(profile.clientKeyPath);
    m_ui.auth->setCurrentIndex(std::max(0, m_ui.auth->findData(int(profile.auth))));
    m_ui.refresh->setValue(profile.refreshSeconds);
    // An existing profile was valid when saved; show its current problems at once.
    m_touched = {nameField, urlField, caBundleField, pinField, clientCertField, refreshField};
}

ClusterProfile ProfileDialog::profileFromForm() const
{
    ClusterProfile profile;
    profile.name = m_ui.name->text().trimmed();
    profile.dashboardUrl = QUrl(m_ui.url->text().trimmed(), QUrl::StrictMode);
    profile.trust = TrustMode(m_ui.trust->currentData().toInt());
    if (profile.trust == TrustMode::CaBundle) {
        profile.caBundlePath = m_ui.caBundle->text().trimmed();
    }
    if (profile.trust == TrustMode::PinnedSpki) {
        profile.pinnedSpkiSha256 = m_ui.pin->text().trimmed();
    }
    profile.clientCertPath = m_ui.clientCert->text().trimmed();
    profile.clientKeyPath = m_ui.clientKey->text().trimmed();
    profile.auth = AuthMode(m_ui.auth->currentData().toInt());
    profile.refreshSeconds = m_ui.refresh->value();
    return profile;
}

QList<ClusterProfile::FieldError> ProfileDialog::formErrors() const
{
    const ClusterProfile profile = profileFromForm();
    QList<ClusterProfile::FieldError> errors = profile.validate();

    const bool renamed = !m_existing || m_existing->name != profile.name;
    if (renamed && !profile.name.isEmpty()) {
        ProfileRepository repository(m_store);
        if (repository.migrate() && repository.find(profile.name)) {
            errors.append({nameField, tr("A profile called %1 exists already; choose another "
                                         "name or edit that one.")
                                          .arg(profile.name)});
        }
    }

    const std::string_view token = m_ui.token->secret().view();
    const bool needsToken = profile.auth == AuthMode::RayToken &&
                            (!m_existing || m_existing->auth != AuthMode::RayToken || renamed);
    if (needsToken && token.empty()) {
        errors.append({tokenField, tr("Enter the cluster's token (RAY_AUTH_TOKEN). It goes "
                                      "into the keychain, never into the profile.")});
    }
    const bool printable = std::all_of(token.begin(), token.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
    });
    if (!printable) {
        errors.append({tokenField, tr("A token has no spaces, line breaks or control "
                                      "characters; paste it again.")});
    }
    return errors;
}

void ProfileDialog::revalidate()
{
    QHash<QString, QStringList> messages;
    for (const ClusterProfile::FieldError& error : formErrors()) {
        messages[error.field].append(error.message);
    }
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const bool shown = m_touched.contains(it.key()) && messages.contains(it.key());
        it.value()->setText(shown ? messages.value(it.key()).join(QLatin1Char(' ')) : QString());
        it.value()->setVisible(shown);
    }
    m_ui.httpWarning->setVisible(profileFromForm().isPlainHttp());
}

void ProfileDialog::updateVisibility()
{
    const auto trust = TrustMode(m_ui.trust->currentData().toInt());
    const auto rowOf = [](QWidget* editor) {
        return editor->property("formRow").value<QWidget*>();
    };
    m_ui.form->setRowVisible(rowOf(m_ui.caBundle), trust == TrustMode::CaBundle);
    m_ui.form->setRowVisible(rowOf(m_ui.pin), trust == TrustMode::PinnedSpki);
    const bool token = AuthMode(m_ui.auth->currentData().toInt()) == AuthMode::RayToken;
    m_ui.form->setRowVisible(rowOf(m_ui.token), token);
    if (!token) {
        m_ui.token->clearSecret();
    }
}

QString ProfileDialog::fieldError(const QString& field) const
{
    const QLabel* label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

bool ProfileDialog::plainHttpWarningShown() const
{
    return !m_ui.httpWarning->isHidden();
}

QString ProfileDialog::bannerText() const
{
    return m_ui.banner->isHidden() ? QString() : m_ui.banner->message();
}

void ProfileDialog::accept()
{
    m_touched = {nameField,       urlField,   caBundleField, pinField,
                 clientCertField, tokenField, refreshField};
    revalidate();
    if (!formErrors().isEmpty()) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error,
                                 tr("Some fields need attention; nothing was saved."));
        return;
    }
    m_ui.banner->clear();

    ProfileSaver::Request request;
    request.oldName = m_existing ? m_existing->name : QString();
    request.profile = profileFromForm();
    if (request.profile.auth == AuthMode::RayToken && !m_ui.token->secret().isEmpty()) {
        request.token = m_ui.token->takeSecret();
    }
    m_saver = new ProfileSaver(m_store, m_keychain, this);
    connect(m_saver, &ProfileSaver::saved, this, [this](const ClusterProfile& profile) {
        m_saved = profile;
        m_saver->deleteLater();
        QDialog::accept();
    });
    connect(m_saver, &ProfileSaver::failed, this, &ProfileDialog::showSaveFailure);
    setBusy(true);
    m_saver->start(std::move(request));
}

void ProfileDialog::setBusy(bool busy)
{
    for (QWidget* widget : findChildren<QWidget*>()) {
        if (widget != m_ui.banner && !m_ui.banner->isAncestorOf(widget)) {
            widget->setEnabled(!busy);
        }
    }
    if (busy) {
        m_ui.banner->showMessage(ErrorBanner::Level::Warning, tr("Saving…"),
                                 tr("A token is stored in the keychain before the profile."));
    }
}

void ProfileDialog::showSaveFailure(const Error& error)
{
    m_saver->deleteLater();
    m_saver = nullptr;
    setBusy(false);
    // The token field was emptied into the request; ask for it again rather than keep a copy.
    revalidate();
    m_ui.banner->showMessage(ErrorBanner::Level::Error, error.message,
                             error.hint.isEmpty()
                                 ? tr("Nothing was saved.")
                                 : error.hint + QLatin1Char(' ') + tr("Nothing was saved."));
}

} // namespace raysec::ui
