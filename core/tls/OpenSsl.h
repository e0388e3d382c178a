#pragma once

#include "core/common/Error.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string_view>

namespace raysec::tls {

// Owning handles for the OpenSSL objects core/tls uses, so that no code path frees by hand.
template <auto FreeFunction>
struct OpenSslDeleter
{
    template <typename T>
    void operator()(T* handle) const
    {
        FreeFunction(handle);
    }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, OpenSslDeleter<X509_REQ_free>>;
using X509ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using ExtKeyUsagePtr = std::unique_ptr<EXTENDED_KEY_USAGE, OpenSslDeleter<EXTENDED_KEY_USAGE_free>>;
using BasicConstraintsPtr =
    std::unique_ptr<BASIC_CONSTRAINTS, OpenSslDeleter<BASIC_CONSTRAINTS_free>>;

void freeX509Stack(STACK_OF(X509) * stack);
using X509StackPtr = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<freeX509Stack>>;

// Drains OpenSSL's error queue into one Error whose message starts with `what` and names every
// reason OpenSSL gave. Call it right after each failing OpenSSL call, so no stale error leaks
// into the next report.
Error openSslError(const QString& code, const QString& what, const QString& hint = {});

// Empties the error queue without reporting, where a failure is an expected answer.
void clearOpenSslErrors();

// A read-only memory BIO over bytes the caller keeps alive.
BioPtr readBio(std::string_view bytes);
// A writable memory BIO; `secure` uses OpenSSL's secure heap, wiped when freed.
BioPtr writeBio(bool secure = false);
// The bytes written into a memory BIO so far.
std::string_view bioContents(BIO* bio);

} // namespace raysec::tls
