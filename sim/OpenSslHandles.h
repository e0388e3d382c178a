#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace raysec::sim {

// Owning handles for the OpenSSL objects the simulator creates; no manual frees anywhere.
template <auto Free>
struct OpenSslDeleter
{
    template <typename T>
    void operator()(T* handle) const
    {
        Free(handle);
    }
};

using PKeyHandle = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using X509Handle = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509ExtensionHandle = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using BioHandle = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;

} // namespace raysec::sim
