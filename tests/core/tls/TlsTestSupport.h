#pragma once

#include "core/tls/BatchIssuer.h"
#include "core/tls/CertificateAuthority.h"
#include "support/TestSupport.h"

#include <QByteArray>
#include <QStringList>

namespace raysec::test {

ProcessResult openssl(const QStringList& args);

// A fresh CA or the test fails.
tls::CertificateAuthority makeCa(tls::KeyType type = tls::KeyType::EcdsaP256,
                                 bool intermediate = false,
                                 const QString& name = QStringLiteral("Test CA"));
// Issues `node` and writes its bundle under dir/<name>; the test fails on any error.
tls::IssuedNode issueInto(const QString& dir, const tls::CertificateAuthority& ca,
                          const tls::NodeEntry& node, const tls::IssueSettings& settings = {});
// Writes a bundle for an already made certificate and key.
void writeBundle(const QString& dir, const tls::CertificateAuthority& ca,
                 const tls::IssuedNode& issued);

// The text openssl x509 -text prints for a PEM file.
QString certificateText(const QString& pemFile);

} // namespace raysec::test
