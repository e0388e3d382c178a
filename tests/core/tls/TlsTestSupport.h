#pragma once

#include "core/tls/BatchIssuer.h"
#include "core/tls/CertificateAuthority.h"

#include <QByteArray>
#include <QStringList>

namespace raysec::test {

// Output of one finished external program.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

// Runs a program to its end (30 s at most), feeding `input` on standard input.
ProcessResult runProgram(const QString& program, const QStringList& args,
                         const QByteArray& input = {});
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
