#include "core/passwords/Blocklist.h"

#include "core/passwords/PasswordText.h"

#include <QCoreApplication>
#include <QFile>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::Blocklist)
};

} // namespace

const Blocklist& Blocklist::bundled()
{
    static const Blocklist list = [] {
        QFile file(QStringLiteral(":/raysec/blocklist/common-passwords.txt"));
        Blocklist parsed;
        if (file.open(QIODevice::ReadOnly)) {
            parsed = parse(file.readAll()).value_or(Blocklist());
        }
        return parsed;
    }();
    return list;
}

std::string Blocklist::fold(const QString& entry)
{
    return PasswordText::foldCase(entry.normalized(QString::NormalizationForm_KC)).toStdString();
}

Result<Blocklist> Blocklist::parse(const QByteArray& text)
{
    if (!PasswordText::isValidUtf8(std::string_view(text.constData(), std::size_t(text.size())))) {
        return fail(QStringLiteral("passwords.blocklist-encoding"),
                    Text::tr("The blocklist is not UTF-8 text."),
                    Text::tr("Convert the file to UTF-8 with one password a line, then import it "
                             "again."));
    }
    Blocklist list;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith("#!comment")) {
            continue;
        }
        list.insert(fold(QString::fromUtf8(line)));
    }
    return list;
}

bool Blocklist::contains(std::string_view folded) const
{
    // std::less<> compares the view directly, so the password is never copied out of its
    // guarded buffer.
    return m_entries.find(folded) != m_entries.end();
}

} // namespace raysec
