#include "ui/certs/NodesPage.h"

#include "core/tls/ClusterNodeSource.h"
#include "core/tls/NodeListParser.h"
#include "ui/ConsoleContext.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/FieldReason.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace raysec::ui {

NodesPage::NodesPage(CertDraft& draft, ConsoleContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_context(context)
{
    setTitle(tr("Nodes"));
    setSubTitle(tr("One node per line: name, IP address, further hostnames, and role=head on "
                   "the head. Lines starting with # are ignored."));
    m_ui.editor = new QPlainTextEdit(this);
    m_ui.editor->setPlaceholderText(
        tr("head 10.0.0.1 ray-head.internal role=head\nworker-1 10.0.0.2"));
    m_ui.nodesReason = makeReasonLabel(this, QStringLiteral("nodes"));
    m_ui.headNames = new QLineEdit(this);
    m_ui.headNames->setPlaceholderText(tr("ray-head.ray.svc.cluster.local"));
    m_ui.headNamesReason = makeReasonLabel(this, QStringLiteral("headNames"));
    m_ui.status = new QLabel(this);
    m_ui.status->setTextFormat(Qt::PlainText);
    m_ui.status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Names clients use for the head"), m_ui.headNames);
    form->addRow(QString(), m_ui.headNamesReason);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildSourceButtons());
    layout->addWidget(m_ui.editor, 1);
    layout->addWidget(m_ui.nodesReason);
    layout->addLayout(form);
    layout->addWidget(m_ui.status);
    connect(m_ui.editor, &QPlainTextEdit::textChanged, this, &NodesPage::revalidate);
    connect(m_ui.headNames, &QLineEdit::textChanged, this, &NodesPage::revalidate);
}

QWidget* NodesPage::buildSourceButtons()
{
    auto* row = new QWidget(this);
    m_ui.fromFile = new QPushButton(tr("Load list…"), row);
    m_ui.fromCluster = new QPushButton(tr("Read from the connected cluster"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ui.fromFile);
    layout->addWidget(m_ui.fromCluster);
    layout->addStretch(1);
    connect(m_ui.fromFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a node list"), QString(),
                                                          tr("Node lists (*.txt *.csv);;All (*)"));
        if (!path.isEmpty()) {
            loadFile(path);
        }
    });
    connect(m_ui.fromCluster, &QPushButton::clicked, this, &NodesPage::loadFromCluster);
    return row;
}

void NodesPage::initializePage()
{
    const bool connected = m_context.currentProfile().has_value();
    m_ui.fromCluster->setEnabled(connected);
    m_ui.fromCluster->setToolTip(connected ? QString()
                                           : tr("Connect to a cluster to read its node list."));
    revalidate();
}

QString NodesPage::nodeLine(const tls::NodeEntry& node)
{
    QStringList parts = {node.name, node.ip};
    parts += node.hostnames;
    if (node.isHead) {
        parts << QStringLiteral("role=head");
    }
    return parts.join(u' ');
}

QStringList NodesPage::headNames() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return m_ui.headNames->text().split(separators, Qt::SkipEmptyParts);
}

Result<QList<tls::NodeEntry>> NodesPage::parseNodes() const
{
    auto nodes = tls::NodeListParser::parse(m_ui.editor->toPlainText().toUtf8());
    if (!nodes) {
        return nodes;
    }
    if (auto ok = tls::validateNodes(*nodes); !ok) {
        return std::unexpected(ok.error());
    }
    return nodes;
}

void NodesPage::revalidate()
{
    const bool typed = !m_ui.editor->toPlainText().trimmed().isEmpty();
    auto nodes = parseNodes();
    const bool nodesOk =
        showReason(m_ui.nodesReason, typed && !nodes ? nodes.error().text() : QString());

    QString headReason;
    for (const QString& name : headNames()) {
        if (!tls::isValidDnsName(name) && !tls::isValidIpAddress(name)) {
            headReason = tr("\"%1\" is neither a DNS name nor an IP address; give the names "
                            "clients use for the head, such as ray-head.ray.svc.cluster.local.")
                             .arg(name);
            break;
        }
    }
    const bool headOk = showReason(m_ui.headNamesReason, headReason);
    if (nodes) {
        m_ui.status->setText(tr("%n node(s).", nullptr, int(nodes->size())));
    }
    const bool valid = nodes.has_value() && nodesOk && headOk;
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT completeChanged();
    }
}

bool NodesPage::isComplete() const
{
    return m_valid;
}

bool NodesPage::validatePage()
{
    auto nodes = parseNodes();
    if (!nodes) {
        return false;
    }
    m_draft.nodes = *nodes;
    m_draft.settings.headNames = headNames();
    m_draft.clearIssued();
    return true;
}

void NodesPage::setNodes(const Result<QList<tls::NodeEntry>>& nodes, const QString& source)
{
    if (!nodes) {
        m_ui.status->setText(tr("%1 was not used: %2").arg(source, nodes.error().text()));
        return;
    }
    QStringList lines;
    for (const tls::NodeEntry& node : *nodes) {
        lines << nodeLine(node);
    }
    m_ui.editor->setPlainText(lines.join(u'\n'));
    m_ui.status->setText(tr("Read %n node(s) from %1.", nullptr, int(nodes->size())).arg(source));
}

void NodesPage::loadFile(const QString& path)
{
    setNodes(tls::NodeListParser::readFile(path), path);
}

void NodesPage::loadFromCluster()
{
    const auto& profile = m_context.currentProfile();
    if (!profile) {
        return;
    }
    m_ui.fromCluster->setEnabled(false);
    m_ui.status->setText(tr("Reading the node list of %1…").arg(profile->name));
    tls::ClusterNodeSource::fetch(
        *profile, m_context.keychain(), this,
        [this, name = profile->name](Result<QList<tls::NodeEntry>> nodes) {
            m_ui.fromCluster->setEnabled(true);
            setNodes(nodes, tr("cluster %1").arg(name));
            Q_EMIT clusterNodesLoaded();
        });
}

} // namespace raysec::ui
