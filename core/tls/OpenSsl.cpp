#include "core/tls/OpenSsl.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/err.h>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::OpenSsl)
};

} // namespace

void freeX509Stack(STACK_OF(X509) * stack)
{
    sk_X509_pop_free(stack, X509_free);
}

Error openSslError(const QString& code, const QString& what, const QString& hint)
{
    QStringList reasons;
    const char* data = nullptr;
    int flags = 0;
    while (unsigned long e = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
        const char* reason = ERR_reason_error_string(e);
        QString text =
            reason ? QString::fromUtf8(reason) : Text::tr("OpenSSL error %1").arg(e, 0, 16);
        if (data && (flags & ERR_TXT_STRING) && *data) {
            text += QStringLiteral(" (%1)").arg(QString::fromUtf8(data));
        }
        if (!reasons.contains(text)) {
            reasons.append(text);
        }
    }
    QString message = what;
    if (!reasons.isEmpty()) {
        message = Text::tr("%1: %2.").arg(what, reasons.join(QStringLiteral("; ")));
    }
    return Error{code, message, hint};
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

BioPtr readBio(std::string_view bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.data(), int(bytes.size())));
}

BioPtr writeBio(bool secure)
{
    return BioPtr(BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()));
}

std::string_view bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size <= 0 || !data) {
        return {};
    }
    return {data, std::size_t(size)};
}

} // namespace raysec::tls
