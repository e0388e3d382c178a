#pragma once

#include "core/common/SafeFile.h"
#include "core/common/SecretBuffer.h"

#include <QByteArray>
#include <QString>

namespace raysec {

// One file the hardening wizard generates: where it goes inside the chosen folder, what it is
// for, and its text. A file that holds a secret (token, private key, Secret manifest) keeps its
// text only in `secret`, is written owner-only (0600) and is never shown in a preview.
struct FixArtefact
{
    QString path;        // relative, '/'-separated: "ray/ray-auth.env"
    QString description; // translated sentence
    QByteArray content;  // the text of a file without secrets
    SecretBuffer secret; // the text of a file with a secret

    static FixArtefact text(QString path, QString description, QByteArray content);
    static FixArtefact secretFile(QString path, QString description, SecretBuffer secret);

    bool holdsSecret() const { return !secret.isEmpty(); }
    SafeFile::Mode mode() const
    {
        return holdsSecret() ? SafeFile::Mode::OwnerOnly : SafeFile::Mode::Public;
    }
    qsizetype size() const;
    // What a preview shows: the text, or a sentence saying that the secret is not shown.
    QString previewText() const;
};

} // namespace raysec
