#include "ui/keys/SecretRevealDialog.h"

#include "ui/keys/SecretClipboard.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

SecretRevealDialog::SecretRevealDialog(const QString& keyId, const QString& secret,
                                       SecretClipboard& clipboard, QWidget* parent)
    : QDialog(parent)
    , m_clipboard(clipboard)
{
    setWindowTitle(tr("New API key %1").arg(keyId));
    m_ui.intro = new QLabel(tr("This is the only time the key is shown. Copy it now and hand it "
                               "to its owner; the registry keeps only a hash."),
                            this);
    m_ui.intro->setWordWrap(true);
    m_ui.secret = new QLineEdit(secret, this);
    m_ui.secret->setReadOnly(true);
    m_ui.secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui.secret->setMinimumWidth(m_ui.secret->fontMetrics().horizontalAdvance(secret) + 24);
    m_ui.copy = new QPushButton(tr("Copy"), this);
    m_ui.copied = new QLabel(this);
    m_ui.copied->setObjectName(QStringLiteral("mutedLabel"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_ui.secret, 1);
    row->addWidget(m_ui.copy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.intro);
    layout->addLayout(row);
    layout->addWidget(m_ui.copied);
    layout->addWidget(buttons);

    connect(m_ui.copy, &QPushButton::clicked, this, [this] {
        m_clipboard.copy(m_ui.secret->text());
        m_ui.copied->setText(tr("Copied. The clipboard is cleared in 30 seconds."));
    });
    connect(&m_clipboard, &SecretClipboard::cleared, this,
            [this] { m_ui.copied->setText(tr("Clipboard cleared.")); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SecretRevealDialog::~SecretRevealDialog()
{
    // Overwrite the field's text before it is released (best effort: Qt may hold copies).
    m_ui.secret->setText(QString(m_ui.secret->text().size(), QLatin1Char('x')));
    m_ui.secret->clear();
}

} // namespace raysec::ui
