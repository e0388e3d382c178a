#pragma once

#include "core/common/Error.h"
#include "core/tls/CertificateAuthority.h"
#include "core/tls/NodeEntry.h"

namespace raysec::tls {

// How node certificates are made in one batch.
struct IssueSettings
{
    KeyType keyType = KeyType::EcdsaP256;
    int validityDays = 365;
    QStringList headNames; // extra names clients use for the head, e.g. a Kubernetes service
    QDateTime notBefore;   // invalid: now (less five minutes of clock skew)
};

// One issued node certificate with its key (the key is null for a signed CSR).
struct IssuedNode
{
    NodeEntry node;
    Certificate certificate;
    PrivateKey key;
};

// Issues node certificates under a CA with the SANs Ray needs, either with a fresh key or for a
// CSR made on the node, so that the node's key never leaves it.
class NodeIssuer
{
public:
    static Result<IssuedNode> issue(const CertificateAuthority& ca, const NodeEntry& node,
                                    const IssueSettings& settings);
    // Signs a PEM CSR after checking its own signature. The SANs come from `node`, not from the
    // CSR, so a node cannot ask for names it was not given.
    static Result<IssuedNode> signCsr(const CertificateAuthority& ca, std::string_view csrPem,
                                      const NodeEntry& node, const IssueSettings& settings);
    // Checks the batch-wide settings (validity, head names, the CA's own expiry) before any
    // certificate is made, so a batch fails before it writes anything.
    static Result<void> checkSettings(const CertificateAuthority& ca,
                                      const IssueSettings& settings);
    // The shell commands that make the key and CSR on the node.
    static QString csrCommand(const NodeEntry& node, KeyType keyType);
};

} // namespace raysec::tls
