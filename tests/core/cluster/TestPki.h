#pragma once

#include <QString>
#include <QTemporaryDir>

namespace raysec::test {

// A throw-away PKI made with the openssl command for the TLS tests: a trusted CA, an unknown
// CA, and leaves for 127.0.0.1 that are valid, expired, for another host or signed by the
// unknown CA. Files are <name>.crt and <name>.key in dir().
class TestPki
{
public:
    bool create(QString* error);
    QString dir() const { return m_dir.path(); }
    QString crt(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".crt")); }
    QString key(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".key")); }

    // Computed by openssl itself, to compare with Raysec's own computation.
    QString opensslFingerprint(const QString& name) const; // AB:CD:... upper-case
    QString opensslSpkiPin(const QString& name) const;     // base64

private:
    bool run(const QString& program, const QStringList& args, QString* error,
             QByteArray* output = nullptr) const;
    bool makeCa(const QString& name, QString* error);
    bool makeLeaf(const QString& name, const QString& ca, const QString& san, int days,
                  QString* error);

    QTemporaryDir m_dir;
};

} // namespace raysec::test
