#include "core/tls/NodeListParser.h"

#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::NodeListParser)
};

Error lineError(int line, const QString& message, const QString& hint)
{
    return Error{QStringLiteral("tls.node-list"), Text::tr("Line %1: %2").arg(line).arg(message),
                 hint};
}

Result<bool> parseRole(const QString& role, int line)
{
    const QString value = role.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("worker")) {
        return false;
    }
    if (value == QLatin1String("head")) {
        return true;
    }
    return std::unexpected(lineError(line, Text::tr("the role \"%1\" is unknown.").arg(role),
                                     Text::tr("Write head or worker, or leave it out.")));
}

Result<NodeEntry> parseTextLine(const QString& line, int number)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList fields = line.split(spaces, Qt::SkipEmptyParts);
    if (fields.size() < 2) {
        return std::unexpected(lineError(number, Text::tr("a node needs a name and an IP address."),
                                         Text::tr("Write: name ip [hostname ...] [role=head].")));
    }
    NodeEntry node{fields.takeFirst(), fields.takeFirst(), {}, false};
    for (const QString& field : fields) {
        if (field.startsWith(QLatin1String("role="))) {
            auto head = parseRole(field.mid(5), number);
            if (!head) {
                return std::unexpected(head.error());
            }
            node.isHead = *head;
        } else {
            node.hostnames.append(field);
        }
    }
    return node;
}

Result<NodeEntry> parseCsvLine(const QString& line, int number)
{
    const QStringList fields = line.split(QLatin1Char(','));
    if (fields.size() < 2 || fields.size() > 4) {
        return std::unexpected(lineError(
            number, Text::tr("a CSV line needs 2 to 4 fields, this one has %1.").arg(fields.size()),
            Text::tr("Write: name,ip,hostnames,role with hostnames "
                     "separated by ';'.")));
    }
    NodeEntry node{fields.at(0).trimmed(), fields.at(1).trimmed(), {}, false};
    for (const QString& host : fields.value(2).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!host.trimmed().isEmpty()) {
            node.hostnames.append(host.trimmed());
        }
    }
    auto head = parseRole(fields.value(3), number);
    if (!head) {
        return std::unexpected(head.error());
    }
    node.isHead = *head;
    return node;
}

} // namespace

Result<QList<NodeEntry>> NodeListParser::parse(const QByteArray& text)
{
    const QString content = QString::fromUtf8(text);
    if (content.contains(QChar::ReplacementCharacter) || text.contains('\0')) {
        return fail(QStringLiteral("tls.node-list"), Text::tr("The node list is not UTF-8 text."),
                    Text::tr("Give a plain text or CSV file."));
    }
    QList<NodeEntry> nodes;
    std::optional<bool> csv;
    const QStringList lines = content.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        if (!csv) {
            csv = line.contains(QLatin1Char(','));
            if (*csv && line.section(QLatin1Char(','), 0, 0).trimmed() == QLatin1String("name")) {
                continue; // the header line
            }
        }
        auto node = *csv ? parseCsvLine(line, i + 1) : parseTextLine(line, i + 1);
        if (!node) {
            return std::unexpected(node.error());
        }
        if (auto ok = node->validate(); !ok) {
            return std::unexpected(lineError(i + 1, ok.error().message, ok.error().hint));
        }
        if (nodes.size() >= maxNodes) {
            return fail(QStringLiteral("tls.node-list"),
                        Text::tr("The list has more than %1 nodes.").arg(maxNodes),
                        Text::tr("Split it into several batches."));
        }
        nodes.append(std::move(*node));
    }
    if (auto ok = validateNodes(nodes); !ok) {
        return std::unexpected(ok.error());
    }
    return nodes;
}

Result<QList<NodeEntry>> NodeListParser::readFile(const QString& path)
{
    auto bytes = SafeFile::read(path, 32 * 1024 * 1024);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return parse(*bytes);
}

} // namespace raysec::tls
