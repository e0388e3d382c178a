#include "core/audit/fixes/FixArtefact.h"

#include <QCoreApplication>

namespace raysec {

FixArtefact FixArtefact::text(QString path, QString description, QByteArray content)
{
    FixArtefact a;
    a.path = std::move(path);
    a.description = std::move(description);
    a.content = std::move(content);
    return a;
}

FixArtefact FixArtefact::secretFile(QString path, QString description, SecretBuffer secret)
{
    FixArtefact a;
    a.path = std::move(path);
    a.description = std::move(description);
    a.secret = std::move(secret);
    return a;
}

qsizetype FixArtefact::size() const
{
    return holdsSecret() ? qsizetype(secret.size()) : content.size();
}

QString FixArtefact::previewText() const
{
    if (holdsSecret()) {
        return QCoreApplication::translate("raysec::FixArtefact",
                                           "This file holds a secret (%1 bytes). It is not shown; "
                                           "it is written with mode 0600 when you write the "
                                           "folder.")
            .arg(secret.size());
    }
    return QString::fromUtf8(content);
}

} // namespace raysec
