#include "TestPki.h"

#include <QFile>
#include <QProcess>

namespace raysec::test {

namespace {

QStringList ecKey()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

} // namespace

bool TestPki::run(const QString& program, const QStringList& args, QString* error,
                  QByteArray* output) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                 QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    if (output) {
        *output = process.readAllStandardOutput();
    }
    return true;
}

bool TestPki::makeCa(const QString& name, QString* error)
{
    return run(QStringLiteral("openssl"),
               QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey() +
                   QStringList{QStringLiteral("-keyout"), key(name), QStringLiteral("-out"),
                               crt(name), QStringLiteral("-days"), QStringLiteral("30"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=Raysec Test ") + name},
               error);
}

bool TestPki::makeLeaf(const QString& name, const QString& ca, const QString& san, int days,
                       QString* error)
{
    const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
    const QString ext = m_dir.filePath(name + QStringLiteral(".ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly)) {
        *error = extFile.errorString();
        return false;
    }
    extFile.write("subjectAltName=" + san.toUtf8() + "\nextendedKeyUsage=serverAuth\n");
    extFile.close();
    return run(QStringLiteral("openssl"),
               QStringList{QStringLiteral("req")} + ecKey() +
                   QStringList{QStringLiteral("-keyout"), key(name), QStringLiteral("-out"), csr,
                               QStringLiteral("-subj"), QStringLiteral("/CN=") + name},
               error) &&
           run(QStringLiteral("openssl"),
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                QStringLiteral("-CA"), crt(ca), QStringLiteral("-CAkey"), key(ca),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QString::number(days),
                QStringLiteral("-out"), crt(name), QStringLiteral("-extfile"), ext},
               error);
}

bool TestPki::create(QString* error)
{
    const QString here = QStringLiteral("IP:127.0.0.1");
    return makeCa(QStringLiteral("ca"), error) && makeCa(QStringLiteral("otherca"), error) &&
           makeLeaf(QStringLiteral("valid"), QStringLiteral("ca"), here, 30, error) &&
           makeLeaf(QStringLiteral("expired"), QStringLiteral("ca"), here, -1, error) &&
           makeLeaf(QStringLiteral("wronghost"), QStringLiteral("ca"),
                    QStringLiteral("DNS:other.example"), 30, error) &&
           makeLeaf(QStringLiteral("unknown"), QStringLiteral("otherca"), here, 30, error);
}

QString TestPki::opensslFingerprint(const QString& name) const
{
    QString error;
    QByteArray out;
    run(QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-in"), crt(name), QStringLiteral("-noout"),
         QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
        &error, &out);
    // "sha256 Fingerprint=AB:CD:..."
    return QString::fromLatin1(out.mid(out.indexOf('=') + 1).trimmed());
}

QString TestPki::opensslSpkiPin(const QString& name) const
{
    QString error;
    QByteArray out;
    run(QStringLiteral("sh"),
        {QStringLiteral("-c"),
         QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin -outform der "
                        "| openssl dgst -sha256 -binary | base64")
             .arg(crt(name))},
        &error, &out);
    return QString::fromLatin1(out.trimmed());
}

} // namespace raysec::test
